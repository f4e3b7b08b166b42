using GraphQL;

namespace CallCenter.Api.Transport.WebSockets;

/// <summary>Forwards a shared stream's results as this operation's next messages; complete ends the operation.</summary>
internal sealed class GraphQLWsOperationSink(WebSocketOutbox outbox, GraphQLWsOperations operations, string id, GraphQLWsOperation operation)
    : Subscriptions.ISubscriptionSink
{
    private readonly byte[] _nextHead = GraphQLWsMessages.NextHead(id);

    public void OnNext(byte[] payload)
    {
        if (!operation.Cancellation.IsCancellationRequested)
        {
            outbox.Enqueue(OutgoingFrame.Spliced(_nextHead, payload));
        }
    }

    public void OnError()
    {
        if (!operation.Cancellation.IsCancellationRequested)
        {
            operations.Fail(id, new ExecutionError("The subscription stream failed.") { Code = "STREAM_ERROR" });
        }
    }

    public void OnFellBehind() => outbox.Close(1013, "Subscriber fell behind the committed changes");

    public void OnCompleted()
    {
        if (!operation.Cancellation.IsCancellationRequested)
        {
            operations.Complete(id);
        }
    }
}
