using System.Diagnostics;
using System.Globalization;

namespace CallCenter.AppHost.Tests;

/// <summary>
/// Finds the processes of an AppHost's stack: DCP runs detached (`dcp start-apiserver --monitor &lt;AppHost PID&gt;`), so
/// they are found from that DCP process down, not below the AppHost.
/// </summary>
internal static class StackProcesses
{
    public static IReadOnlyList<ProcessIdentity> Of(int appHostPid)
    {
        var all = Directory.GetDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), out var pid) ? ProcessIdentity.Read(pid) : null)
            .OfType<ProcessIdentity>()
            .ToList();
        var monitor = $"--monitor {appHostPid.ToString(CultureInfo.InvariantCulture)} ";
        var found = all.Where(process => process.Command == "dcp" && CommandLine(process.Pid).Contains(monitor, StringComparison.Ordinal)).ToList();
        var parents = found.Select(process => process.Pid).ToHashSet();
        while (all.Where(process => parents.Contains(process.ParentPid) && !found.Contains(process)).ToList() is { Count: > 0 } children)
        {
            found.AddRange(children);
            parents.UnionWith(children.Select(child => child.Pid));
        }

        return found;
    }

    /// <summary>Waits until none of <paramref name="processes"/> runs; returns those still running at the deadline.</summary>
    public static async Task<IReadOnlyList<ProcessIdentity>> WaitUntilGoneAsync(IReadOnlyList<ProcessIdentity> processes, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (processes.Any(process => process.IsAlive) && deadline.Elapsed < timeout)
        {
            await Task.Delay(250);
        }

        return [.. processes.Where(process => process.IsAlive)];
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}

/// <summary>A process as /proc/&lt;pid&gt;/stat names it; the start time tells a reused PID from the same process.</summary>
internal sealed record ProcessIdentity(int Pid, int ParentPid, ulong StartTime, string Command)
{
    public static ProcessIdentity? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var command = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
            // After "pid (comm) ": state ppid ... starttime is the 20th field from there.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z"
                ? null
                : new ProcessIdentity(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), ulong.Parse(fields[19], CultureInfo.InvariantCulture), command);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>This very process still runs (not a zombie, not another process with the same PID).</summary>
    public bool IsAlive => Read(Pid) is { } now && now.StartTime == StartTime;

    public override string ToString() => $"pid {Pid} ({Command})";
}
