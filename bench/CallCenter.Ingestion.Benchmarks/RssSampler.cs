namespace CallCenter.Ingestion.Benchmarks;

/// <summary>Samples a process's resident set size from /proc while the benchmark runs.</summary>
internal sealed class RssSampler
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakKilobytes;

    public RssSampler(int pid)
    {
        _pid = pid;
        _sampling = Task.Run(SampleAsync);
    }

    public double PeakMegabytes => Interlocked.Read(ref _peakKilobytes) / 1024.0;

    public double HighWaterMegabytes => ReadKilobytes("VmHWM:") / 1024.0;

    public void Stop()
    {
        _stop.Cancel();
        _sampling.GetAwaiter().GetResult();
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
        foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
