using System.Threading.Channels;

namespace CallCenter.Api.Live;

/// <summary>One subscriber's view of the change feed; dispose to unsubscribe.</summary>
public sealed class CallChangeSubscription : IDisposable
{
    private readonly Action<CallChangeSubscription> _unsubscribe;

    private int _lagReported;

    internal CallChangeSubscription(long id, int capacity, Action<CallChangeSubscription> unsubscribe, Action<CallChangeSubscription> lagging)
    {
        Id = id;
        _unsubscribe = unsubscribe;
        // A slow subscriber loses its oldest changes instead of holding memory or delaying everyone else (reported once).
        Channel = System.Threading.Channels.Channel.CreateBounded<CallChange>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = true,
            },
            _ =>
            {
                if (Interlocked.Exchange(ref _lagReported, 1) == 0)
                {
                    lagging(this);
                }
            });
    }

    public long Id { get; }

    public ChannelReader<CallChange> Reader => Channel.Reader;

    internal Channel<CallChange> Channel { get; }

    public void Dispose()
    {
        _unsubscribe(this);
        Channel.Writer.TryComplete();
    }
}
