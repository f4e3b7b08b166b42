using System.Threading.Channels;

namespace CallCenter.Api.Live;

/// <summary>One subscriber's view of the change feed; dispose to unsubscribe.</summary>
public sealed class CallChangeSubscription : IDisposable
{
    private readonly Action<CallChangeSubscription> _unsubscribe;

    private readonly int _capacity;
    private readonly Action<CallChangeSubscription> _lagging;

    internal CallChangeSubscription(long id, int capacity, Action<CallChangeSubscription> unsubscribe, Action<CallChangeSubscription> lagging)
    {
        Id = id;
        _unsubscribe = unsubscribe;
        _capacity = capacity;
        _lagging = lagging;
        Channel = System.Threading.Channels.Channel.CreateBounded<CallChange>(
            new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
    }

    public long Id { get; }

    public ChannelReader<CallChange> Reader => Channel.Reader;

    internal Channel<CallChange> Channel { get; }

    /// <summary>
    /// Queues a change; a subscriber that is <c>capacity</c> changes behind is ended with
    /// <see cref="SubscriberFellBehindError"/> instead of losing versions silently (or holding everyone's memory).
    /// </summary>
    internal void Offer(CallChange change)
    {
        if (!Channel.Writer.TryWrite(change) && Channel.Writer.TryComplete(new SubscriberFellBehindError(_capacity)))
        {
            FellBehind = true;
            _lagging(this);
        }
    }

    /// <summary>Whether the subscription was ended for falling behind (its queued changes can still be read).</summary>
    internal bool FellBehind { get; private set; }

    public void Dispose()
    {
        _unsubscribe(this);
        Channel.Writer.TryComplete();
    }
}
