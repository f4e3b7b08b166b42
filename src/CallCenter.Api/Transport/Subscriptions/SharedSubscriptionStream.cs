using System.Collections.Immutable;
using System.Text;
using GraphQL;

namespace CallCenter.Api.Transport.Subscriptions;

/// <summary>
/// One executed subscription whose results are serialized once and handed to every sink that asked for exactly
/// the same thing. Lives while it has sinks.
/// </summary>
internal sealed class SharedSubscriptionStream(
    string key, IGraphQLTextSerializer serializer, AsyncServiceScope scope, CancellationTokenSource cancellation, Action<SharedSubscriptionStream> removed)
    : IObserver<ExecutionResult>
{
    private readonly Lock _gate = new();
    private ImmutableArray<ISubscriptionSink> _sinks = [];
    private IDisposable? _subscription;
    private bool _closed;

    public string Key { get; } = key;

    public CancellationToken Cancellation => cancellation.Token;

    /// <summary>Adds a sink; false when the stream already ended (the caller then starts a new one).</summary>
    public bool TryAdd(ISubscriptionSink sink)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _sinks = _sinks.Add(sink);
            return true;
        }
    }

    public void Remove(ISubscriptionSink sink)
    {
        bool last;
        lock (_gate)
        {
            _sinks = _sinks.Remove(sink);
            last = _sinks.IsEmpty && !_closed;
            if (last)
            {
                _closed = true;
            }
        }

        if (last)
        {
            Close();
        }
    }

    public void Start(IObservable<ExecutionResult> source)
    {
        var subscription = source.Subscribe(this);
        bool closed;
        lock (_gate)
        {
            _subscription = subscription;
            closed = _closed;
        }

        if (closed)
        {
            subscription.Dispose();
        }
    }

    public void OnNext(ExecutionResult value)
    {
        var sinks = _sinks;
        if (sinks.IsEmpty)
        {
            return;
        }

        var payload = Encoding.UTF8.GetBytes(serializer.Serialize(value));
        foreach (var sink in sinks)
        {
            sink.OnNext(payload);
        }
    }

    public void OnError(Exception error) => End(Live.SubscriberFellBehindError.Is(error) ? sink => sink.OnFellBehind() : sink => sink.OnError());

    public void OnCompleted() => End(sink => sink.OnCompleted());

    private void End(Action<ISubscriptionSink> notify)
    {
        ImmutableArray<ISubscriptionSink> sinks;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            sinks = _sinks;
            _sinks = [];
        }

        foreach (var sink in sinks)
        {
            notify(sink);
        }

        Close();
    }

    private void Close()
    {
        removed(this);
        cancellation.Cancel();
        IDisposable? subscription;
        lock (_gate)
        {
            subscription = _subscription;
            _subscription = null;
        }

        subscription?.Dispose();
        cancellation.Dispose();
        _ = scope.DisposeAsync().AsTask();
    }
}
