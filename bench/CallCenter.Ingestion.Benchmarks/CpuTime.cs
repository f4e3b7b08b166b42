using System.Globalization;

namespace CallCenter.Ingestion.Benchmarks;

/// <summary>CPU time (user + system) a process has used so far, from /proc/&lt;pid&gt;/stat.</summary>
internal static class CpuTime
{
    // USER_HZ: the unit of utime/stime in /proc; 100 on Linux for x86 and arm64.
    private const double TicksPerSecond = 100;

    public static double Seconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may contain spaces) start at ") ": state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
