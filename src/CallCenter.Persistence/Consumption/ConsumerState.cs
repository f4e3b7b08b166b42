namespace CallCenter.Persistence.Consumption;

/// <summary>What the health check reports about the stream consumer.</summary>
public sealed class ConsumerState
{
    private long _lastCommitTicks;
    private volatile string? _failure;

    public DateTimeOffset? LastCommitAt => Interlocked.Read(ref _lastCommitTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Why the last attempt failed, while it keeps failing; null when healthy.</summary>
    public string? Failure => _failure;

    internal void Committed(DateTimeOffset at)
    {
        Interlocked.Exchange(ref _lastCommitTicks, at.UtcTicks);
        _failure = null;
    }

    internal void Failing(string reason) => _failure = reason;
}
