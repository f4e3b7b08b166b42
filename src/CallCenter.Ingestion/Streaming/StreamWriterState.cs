namespace CallCenter.Ingestion.Streaming;

/// <summary>What the health check reports about the Redis writer.</summary>
public sealed class StreamWriterState
{
    private volatile Exception? _lastError;
    private long _lastSuccessTicks;
    private long _dropped;

    public Exception? LastError => _lastError;

    public long Dropped => Interlocked.Read(ref _dropped);

    public DateTimeOffset? LastSuccess => Interlocked.Read(ref _lastSuccessTicks) is var ticks and > 0
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : null;

    public void Succeeded(DateTimeOffset at)
    {
        _lastError = null;
        Interlocked.Exchange(ref _lastSuccessTicks, at.UtcTicks);
    }

    public void Failed(Exception error) => _lastError = error;

    public void Dropped1() => Interlocked.Increment(ref _dropped);
}
