namespace CallCenter.Api.Transport.WebSockets;

/// <summary>One running operation: its cancellation and (for subscriptions) the stream subscription.</summary>
internal sealed class GraphQLWsOperation(CancellationTokenSource cancellation) : IDisposable
{
    public CancellationTokenSource Cancellation { get; } = cancellation;

    public IDisposable? StreamSubscription { get; set; }

    public bool CountedAsSubscription { get; set; }

    public void Dispose()
    {
        Cancellation.Cancel();
        StreamSubscription?.Dispose();
        Cancellation.Dispose();
    }
}
