using System.Collections.Concurrent;
using System.Security.Claims;
using CallCenter.Api.Telemetry;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;

namespace CallCenter.Api.Transport.WebSockets;

/// <summary>
/// The operations running on one connection, by id: a query or mutation runs once and completes; a subscription joins
/// the shared stream of its query (<see cref="Subscriptions.SubscriptionMultiplexer"/>) until the client completes it.
/// </summary>
internal sealed class GraphQLWsOperations(
    GraphQLRequestExecutor executor,
    Subscriptions.SubscriptionMultiplexer subscriptions,
    IServiceScopeFactory scopeFactory,
    int maxOperations,
    WebSocketOutbox outbox,
    GraphQLWsMessages messages,
    ApiTelemetry telemetry,
    ILogger logger,
    CancellationToken connectionClosing)
{
    private const string Transport = "ws";

    private readonly ConcurrentDictionary<string, GraphQLWsOperation> _operations = new(StringComparer.Ordinal);

    /// <summary>Starts the operation; false when an operation with this id is running already.</summary>
    public bool TryStart(string id, GraphQLRequest request, ClaimsPrincipal user)
    {
        if (_operations.Count >= maxOperations)
        {
            outbox.Enqueue(messages.Error(id, new ExecutionError($"At most {maxOperations} operations may run on one connection.") { Code = "TOO_MANY_OPERATIONS" }));
            return true;
        }

        var operation = new GraphQLWsOperation(CancellationTokenSource.CreateLinkedTokenSource(connectionClosing));
        if (!_operations.TryAdd(id, operation))
        {
            operation.Dispose();
            return false;
        }

        _ = RunAsync(id, request, user, operation);
        return true;
    }

    public void Stop(string id)
    {
        if (_operations.TryRemove(id, out var operation))
        {
            if (operation.CountedAsSubscription)
            {
                telemetry.ActiveSubscriptions.Add(-1);
            }

            operation.Dispose();
        }
    }

    public void StopAll()
    {
        foreach (var id in _operations.Keys)
        {
            Stop(id);
        }
    }

    /// <summary>Ends the operation with an <c>error</c> message.</summary>
    public void Fail(string id, ExecutionError error)
    {
        outbox.Enqueue(messages.Error(id, error));
        Stop(id);
    }

    /// <summary>Ends the operation with a <c>complete</c> message.</summary>
    public void Complete(string id)
    {
        outbox.Enqueue(GraphQLWsMessages.Message(GraphQLWsMessageTypes.Complete, id, default));
        Stop(id);
    }

    private async Task RunAsync(string id, GraphQLRequest request, ClaimsPrincipal user, GraphQLWsOperation operation)
    {
        try
        {
            var parsed = ParsedOperation.TryParse(request.Query, request.OperationName);
            if (parsed?.OperationType is OperationType.Subscription)
            {
                await JoinSubscriptionAsync(id, request, parsed, user, operation);
                return;
            }

            await using var scope = scopeFactory.CreateAsyncScope();
            var result = await executor.ExecuteAsync(request, parsed, user, scope.ServiceProvider, Transport, operation.Cancellation.Token);
            if (operation.Cancellation.IsCancellationRequested)
            {
                return;
            }

            SendResult(id, result);
            Stop(id);
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Log.UnhandledResolverException(logger, exception);
            Fail(id, new ExecutionError("Internal server error.") { Code = "INTERNAL_SERVER_ERROR" });
        }
    }

    private async Task JoinSubscriptionAsync(string id, GraphQLRequest request, ParsedOperation parsed, ClaimsPrincipal user, GraphQLWsOperation operation)
    {
        var sink = new GraphQLWsOperationSink(outbox, this, id, operation);
        var (failed, membership) = await subscriptions.JoinAsync(request, parsed, user, sink, operation.Cancellation.Token);
        if (membership is null)
        {
            if (!operation.Cancellation.IsCancellationRequested)
            {
                SendResult(id, failed!);
            }

            Stop(id);
            return;
        }

        telemetry.ActiveSubscriptions.Add(1);
        operation.CountedAsSubscription = true;
        operation.StreamSubscription = membership;
        if (operation.Cancellation.IsCancellationRequested)
        {
            // The client completed (or left) while the subscription was being set up.
            membership.Dispose();
        }
    }

    /// <summary>An executed result is one <c>next</c> and <c>complete</c>; one that could not execute is an <c>error</c>.</summary>
    private void SendResult(string id, ExecutionResult result)
    {
        if (result.Executed)
        {
            outbox.Enqueue(messages.Next(id, result));
            outbox.Enqueue(GraphQLWsMessages.Message(GraphQLWsMessageTypes.Complete, id, default));
        }
        else
        {
            outbox.Enqueue(messages.Error(id, result));
        }
    }
}
