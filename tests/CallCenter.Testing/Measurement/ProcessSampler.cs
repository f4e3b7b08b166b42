using System.Globalization;

namespace CallCenter.Testing.Measurement;

/// <summary>
/// Samples a process's resident set size from /proc every 50 ms while a benchmark runs, and reads CPU time
/// (user + system) of a process and, optionally, of its children (e.g. PostgreSQL's backends): CPU seconds
/// per event are comparable even when other work shares the machine, wall-clock rates are not.
/// </summary>
public sealed class ProcessSampler
{
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

    /// <summary>
    /// CPU seconds used so far by the process (and, with children, by its live child processes too);
    /// 0 for a process that has ended.
    /// </summary>
    public static double CpuSeconds(int pid, bool withChildren = false)
    {
        var total = ProcStat.Read(pid)?.CpuSeconds ?? 0;
        if (withChildren)
        {
            total += ProcStat.ReadAll().Where(p => p.Parent == pid && p.Id != pid).Sum(p => p.CpuSeconds);
        }

        return total;
    }

    /// <summary>The process's resident set size now, in MB; 0 for a process that has ended.</summary>
    public static double RssMegabytes(int pid) => ReadKilobytes(pid, "VmRSS:") / 1024.0;

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var current = ReadKilobytes(_pid, "VmRSS:");
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

    private static long ReadKilobytes(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process has ended: nothing more to sample.
        }

        return 0;
    }
}
