namespace CallCenter.Ingestion.Benchmarks;

internal static class MachineInfo
{
    public static string Describe()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim();
        return $"{model}, {memory} RAM";
    }
}
