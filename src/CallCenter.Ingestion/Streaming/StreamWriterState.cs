namespace CallCenter.Ingestion.Streaming;

/// <summary>What the health check reports about the Redis writer.</summary>
public sealed class StreamWriterState
{
    private volatile Exception? _lastError;
    private long _lastSuccessTicks;
    private long _dropped;
    private long _failedWrites;

    public Exception? LastError => _lastError;

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Write attempts that failed since start (each retry counts).</summary>
    public long FailedWrites => Interlocked.Read(ref _failedWrites);

    public DateTimeOffset? LastSuccess => Interlocked.Read(ref _lastSuccessTicks) is var ticks and > 0
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : null;

    public void Succeeded(DateTimeOffset at)
    {
        _lastError = null;
        Interlocked.Exchange(ref _lastSuccessTicks, at.UtcTicks);
    }

    public void Failed(Exception error)
    {
        _lastError = error;
        Interlocked.Increment(ref _failedWrites);
    }

    public void RecordDrop() => Interlocked.Increment(ref _dropped);
}
