using System.Globalization;

namespace CallCenter.Testing.Measurement;

/// <summary>
/// What a benchmark needs from /proc/&lt;pid&gt;/stat (or a thread's /proc/&lt;pid&gt;/task/&lt;tid&gt;/stat): the command
/// name, the parent process and the CPU time (user + system) used so far.
/// </summary>
public readonly record struct ProcStat(int Id, string Name, int Parent, double CpuSeconds)
{
    // USER_HZ: the unit of utime and stime in /proc; 100 on Linux for x86 and arm64.
    private const double TicksPerSecond = 100;

    /// <summary>The process's stat, or null when it does not exist (any more) or cannot be read.</summary>
    public static ProcStat? Read(int pid) => ReadFile($"/proc/{pid}/stat");

    /// <summary>Every process that could be read; one that ends meanwhile is left out.</summary>
    public static IReadOnlyList<ProcStat> ReadAll() => ReadEach("/proc");

    /// <summary>Every thread of a process that could be read (Id is the thread id, Name the thread's name).</summary>
    public static IReadOnlyList<ProcStat> ReadThreads(int pid) => ReadEach($"/proc/{pid}/task");

    /// <summary>Parses one stat line; false for a truncated or empty one (a process ending while it was read).</summary>
    public static bool TryParse(string text, out ProcStat stat)
    {
        stat = default;
        // The command name may contain spaces and parentheses: it runs from the first '(' to the last ')'.
        var nameStart = text.IndexOf('(', StringComparison.Ordinal);
        var nameEnd = text.LastIndexOf(')');
        if (nameStart < 1 || nameEnd < nameStart || nameEnd + 2 > text.Length
            || !int.TryParse(text.AsSpan(0, nameStart).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        // After "pid (comm) ": state, ppid, ..., utime (12th), stime (13th), in ticks.
        var fields = text[(nameEnd + 2)..].Split(' ');
        if (fields.Length < 13
            || !int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parent)
            || !long.TryParse(fields[11], NumberStyles.Integer, CultureInfo.InvariantCulture, out var userTicks)
            || !long.TryParse(fields[12], NumberStyles.Integer, CultureInfo.InvariantCulture, out var systemTicks))
        {
            return false;
        }

        stat = new ProcStat(id, text[(nameStart + 1)..nameEnd], parent, (userTicks + systemTicks) / TicksPerSecond);
        return true;
    }

    private static List<ProcStat> ReadEach(string directory)
    {
        var stats = new List<ProcStat>();
        try
        {
            foreach (var entry in Directory.EnumerateDirectories(directory))
            {
                if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out _)
                    && ReadFile(Path.Combine(entry, "stat")) is { } stat)
                {
                    stats.Add(stat);
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
            // The process whose threads were listed has ended.
        }

        return stats;
    }

    private static ProcStat? ReadFile(string path)
    {
        try
        {
            return TryParse(File.ReadAllText(path), out var stat) ? stat : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The process ended while it was read.
            return null;
        }
    }
}
