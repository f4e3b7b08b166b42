namespace CallCenter.Ingestion.Diagnostics;

/// <summary>When events last arrived and when the ARI socket reconnected, for the status record the API reads.</summary>
public sealed class IngestionActivity
{
    private static readonly TimeSpan ReconnectWindow = TimeSpan.FromHours(1);
    private readonly Queue<DateTimeOffset> _reconnects = new();
    private long _lastEventTicks;

    public DateTimeOffset? LastEventAt => Interlocked.Read(ref _lastEventTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Called for every event: one interlocked write, nothing more, on the hot path.</summary>
    public void EventReceived(DateTimeOffset at) => Interlocked.Exchange(ref _lastEventTicks, at.UtcTicks);

    public void Reconnected(DateTimeOffset at)
    {
        lock (_reconnects)
        {
            _reconnects.Enqueue(at);
            Prune(at);
        }
    }

    public IReadOnlyList<DateTimeOffset> RecentReconnects(DateTimeOffset now)
    {
        lock (_reconnects)
        {
            Prune(now);
            return [.. _reconnects];
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_reconnects.TryPeek(out var oldest) && now - oldest > ReconnectWindow)
        {
            _reconnects.Dequeue();
        }
    }
}
