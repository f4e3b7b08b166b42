using System.Globalization;

namespace CallCenter.Persistence.Benchmarks;

/// <summary>
/// Samples a process's resident set size from /proc while the benchmark runs, and reads CPU time
/// (user + system) of a process and, optionally, of its children (PostgreSQL's backends): CPU seconds
/// per event are comparable even when other work shares the machine, wall-clock rates are not.
/// </summary>
internal sealed class ProcessSampler
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ on Linux
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakKilobytes;

    public ProcessSampler(int pid)
    {
        _pid = pid;
        _sampling = Task.Run(SampleAsync);
    }

    public double PeakMegabytes => Interlocked.Read(ref _peakKilobytes) / 1024.0;

    public void Stop()
    {
        _stop.Cancel();
        _sampling.GetAwaiter().GetResult();
    }

    /// <summary>CPU seconds used so far by the process (and, with children, by its live child processes too).</summary>
    public static double CpuSeconds(int pid, bool withChildren = false)
    {
        var total = OwnCpu(pid);
        if (withChildren)
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), out var child) && child != pid && ParentOf(child) == pid)
                {
                    total += OwnCpu(child);
                }
            }
        }

        return total;
    }

    private static double OwnCpu(int pid)
    {
        var fields = StatFields(pid);
        // utime, stime are fields 14 and 15 (1-based); after the ")" split they are 12 and 13 (1-based, state = 1).
        return fields.Length > 13 ? (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond : 0;
    }

    private static int ParentOf(int pid)
    {
        var fields = StatFields(pid);
        return fields.Length > 1 ? int.Parse(fields[1], CultureInfo.InvariantCulture) : -1;
    }

    private static string[] StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var current = ReadKilobytes("VmRSS:");
            if (current > Interlocked.Read(ref _peakKilobytes))
            {
                Interlocked.Exchange(ref _peakKilobytes, current);
            }

            try
            {
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private long ReadKilobytes(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
