namespace CallCenter.Testing.Measurement;

/// <summary>The machine a figure was taken on, for the benchmarks' headers.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim();
        return $"{model}, {memory} RAM";
    }

    /// <summary>The 1-minute load average: what else was running while a figure was taken.</summary>
    public static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
