using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CallCenter.Api.Options;
using CallCenter.Api.Security;
using CallCenter.Api.Telemetry;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;

namespace CallCenter.Api.Transport.WebSockets;

/// <summary>
/// One graphql-transport-ws connection. The read loop owns the protocol state; every outgoing frame goes through
/// one queue drained by one writer at a time, so messages of a subscription keep their order and sends never overlap.
/// The writer runs on the thread that queued into an idle queue: a fan-out of one result to 1,000 sockets then
/// costs 1,000 synchronous pipe writes instead of 1,000 thread-pool work items (a send that has to wait continues
/// asynchronously, so a slow client never holds up the others).
/// </summary>
internal sealed class GraphQLWsConnection(
    WebSocket socket,
    HttpContext httpContext,
    string connectionId,
    GraphQLRequestExecutor executor,
    IGraphQLTextSerializer serializer,
    WebSocketAuthenticator authenticator,
    Subscriptions.SubscriptionMultiplexer subscriptions,
    IServiceScopeFactory scopeFactory,
    GraphQLServerOptions options,
    ApiTelemetry telemetry,
    ILogger logger)
{
    private const string Transport = "ws";
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(3);

    private readonly Lock _sendGate = new();
    private readonly Queue<OutgoingFrame> _outbox = new();
    private readonly TaskCompletionSource _sendingStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _lifetime = new();
    private bool _writerActive;
    private bool _outboxCompleted;
    private bool _writerStopped;
    private int _closing;
    private bool _initReceived;
    private volatile bool _acknowledged;
    private ClaimsPrincipal _user = new(new ClaimsIdentity());
    private Timer? _expiry;

    public async Task RunAsync(CancellationToken serverStopping)
    {
        using var stopping = serverStopping.Register(() => Close(1001, "Server is shutting down"));
        using var initTimer = new Timer(
            _ =>
            {
                if (!Volatile.Read(ref _initReceived))
                {
                    Close(GraphQLWsCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
                }
            },
            null, options.ConnectionInitTimeout, Timeout.InfiniteTimeSpan);
        using var keepAlive = options.KeepAliveInterval > TimeSpan.Zero
            ? new Timer(_ => { if (_acknowledged) { Enqueue(Message(GraphQLWsMessageTypes.Ping, null, default)); } }, null, options.KeepAliveInterval, options.KeepAliveInterval)
            : null;

        try
        {
            await ReadLoopAsync();
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            Log.SocketAborted(logger, connectionId, exception);
        }
        finally
        {
            await _lifetime.CancelAsync();
            foreach (var id in _operations.Keys)
            {
                StopOperation(id);
            }

            CompleteOutbox();
            await _sendingStopped.Task;
            if (_expiry is not null)
            {
                await _expiry.DisposeAsync();
            }

            _lifetime.Dispose();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            buffer.Clear();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.GetMemory(4096), _lifetime.Token);
                buffer.Advance(received.Count);
                if (buffer.WrittenCount > options.MaxRequestBytes)
                {
                    Close(GraphQLWsCloseCodes.BadRequest, "Message too large");
                    await DrainUntilClosedAsync();
                    return;
                }
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                // The client closed (or answered our close): answer with the same code and stop.
                var code = socket.CloseStatus is { } status ? (int)status : 1000;
                Close(code == 1005 ? 1000 : code, socket.CloseStatusDescription ?? string.Empty);
                return;
            }

            if (Volatile.Read(ref _closing) != 0)
            {
                continue;
            }

            if (received.MessageType == WebSocketMessageType.Binary)
            {
                Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: binary frames are not supported");
                continue;
            }

            await HandleMessageAsync(buffer.WrittenMemory);
        }
    }

    /// <summary>After we sent a close frame, wait (bounded) for the client's close so the handshake completes cleanly.</summary>
    private async Task DrainUntilClosedAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        timeout.CancelAfter(CloseHandshakeTimeout);
        var scratch = new byte[1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(scratch.AsMemory(), timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            socket.Abort();
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: not JSON");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var typeElement)
                || typeElement.ValueKind != JsonValueKind.String)
            {
                Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: missing type");
                return;
            }

            var payload = root.TryGetProperty("payload", out var payloadElement) ? payloadElement : default;
            switch (typeElement.GetString())
            {
                case GraphQLWsMessageTypes.ConnectionInit:
                    await OnConnectionInitAsync(payload);
                    break;
                case GraphQLWsMessageTypes.Ping:
                    Enqueue(Message(GraphQLWsMessageTypes.Pong, null, default));
                    break;
                case GraphQLWsMessageTypes.Pong:
                    break;
                case GraphQLWsMessageTypes.Subscribe:
                    OnSubscribe(root, payload);
                    break;
                case GraphQLWsMessageTypes.Complete:
                    if (!TryGetId(root, out var completedId))
                    {
                        Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: complete needs an id");
                        return;
                    }

                    StopOperation(completedId);
                    break;
                default:
                    Close(GraphQLWsCloseCodes.BadRequest, $"Invalid message received: unexpected type '{typeElement.GetString()}'");
                    break;
            }
        }
    }

    private async Task OnConnectionInitAsync(JsonElement payload)
    {
        if (_initReceived)
        {
            Close(GraphQLWsCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        Volatile.Write(ref _initReceived, true);
        if (payload.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: connection_init payload must be an object");
            return;
        }

        var (user, failure) = await authenticator.AuthenticateAsync(payload, httpContext, _lifetime.Token);
        if (user is null)
        {
            Log.InitRejected(logger, connectionId, failure ?? "no credentials");
            Close(GraphQLWsCloseCodes.Forbidden, "Forbidden");
            return;
        }

        _user = user;
        ScheduleExpiry(user);
        _acknowledged = true;
        Enqueue(Message(GraphQLWsMessageTypes.ConnectionAck, null, default));
    }

    /// <summary>A socket must not outlive its credentials: when the token expires the connection is closed (4403).</summary>
    private void ScheduleExpiry(ClaimsPrincipal user)
    {
        if (!long.TryParse(user.FindFirst("exp")?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var exp))
        {
            return;
        }

        var remaining = DateTimeOffset.FromUnixTimeSeconds(exp) - DateTimeOffset.UtcNow;
        if (remaining <= TimeSpan.Zero)
        {
            Close(GraphQLWsCloseCodes.Forbidden, "Token expired");
            return;
        }

        // Timer periods are limited to about 49 days; longer-lived tokens are simply not timed.
        if (remaining < TimeSpan.FromDays(40))
        {
            _expiry = new Timer(_ => Close(GraphQLWsCloseCodes.Forbidden, "Token expired"), null, remaining, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnSubscribe(JsonElement root, JsonElement payload)
    {
        if (!TryGetId(root, out var id)
            || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("query", out var query)
            || query.ValueKind != JsonValueKind.String)
        {
            Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: subscribe needs an id and a payload with a query");
            return;
        }

        if (!_acknowledged)
        {
            Close(GraphQLWsCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: malformed subscribe payload");
            return;
        }

        if (_operations.Count >= options.MaxSubscriptionsPerConnection)
        {
            SendErrors(id, [new ExecutionError($"At most {options.MaxSubscriptionsPerConnection} operations may run on one connection.") { Code = "TOO_MANY_OPERATIONS" }]);
            return;
        }

        var operation = new Operation(CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token));
        if (!_operations.TryAdd(id, operation))
        {
            operation.Dispose();
            Close(GraphQLWsCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        _ = RunOperationAsync(id, request, operation);
    }

    private async Task RunOperationAsync(string id, GraphQLRequest request, Operation operation)
    {
        try
        {
            var parsed = ParsedOperation.TryParse(request.Query, request.OperationName);
            if (parsed?.OperationType is OperationType.Subscription)
            {
                await JoinSubscriptionAsync(id, request, parsed, operation);
                return;
            }

            await using var scope = scopeFactory.CreateAsyncScope();
            var result = await executor.ExecuteAsync(request, parsed, _user, scope.ServiceProvider, Transport, operation.Cancellation.Token);
            if (operation.Cancellation.IsCancellationRequested)
            {
                return;
            }

            if (!result.Executed)
            {
                SendErrors(id, result);
            }
            else
            {
                Enqueue(Message(GraphQLWsMessageTypes.Next, id, Serialize(result)));
                Enqueue(Message(GraphQLWsMessageTypes.Complete, id, default));
            }

            StopOperation(id);
        }
        catch (OperationCanceledException) when (operation.Cancellation.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Log.UnhandledResolverException(logger, exception);
            SendErrors(id, [new ExecutionError("Internal server error.") { Code = "INTERNAL_SERVER_ERROR" }]);
            StopOperation(id);
        }
    }

    private async Task JoinSubscriptionAsync(string id, GraphQLRequest request, ParsedOperation parsed, Operation operation)
    {
        var (failed, membership) = await subscriptions.JoinAsync(request, parsed, _user, new OperationSink(this, id, operation), operation.Cancellation.Token);
        if (membership is null)
        {
            if (!operation.Cancellation.IsCancellationRequested)
            {
                if (failed!.Executed)
                {
                    Enqueue(Message(GraphQLWsMessageTypes.Next, id, Serialize(failed)));
                    Enqueue(Message(GraphQLWsMessageTypes.Complete, id, default));
                }
                else
                {
                    SendErrors(id, failed);
                }
            }

            StopOperation(id);
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

    private void StopOperation(string id)
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

    private void SendErrors(string id, ExecutionResult result)
    {
        using var document = JsonDocument.Parse(Serialize(result));
        var errors = document.RootElement.TryGetProperty("errors", out var element) ? Encoding.UTF8.GetBytes(element.GetRawText()) : "[]"u8.ToArray();
        Enqueue(Message(GraphQLWsMessageTypes.Error, id, errors));
    }

    private void SendErrors(string id, IEnumerable<ExecutionError> errors)
    {
        var result = new ExecutionResult { Executed = false };
        foreach (var error in errors)
        {
            result.AddError(error);
        }

        SendErrors(id, result);
    }

    private byte[] Serialize(ExecutionResult result) => Encoding.UTF8.GetBytes(serializer.Serialize(result));

    private static bool TryGetId(JsonElement root, out string id)
    {
        if (root.TryGetProperty("id", out var element) && element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } value)
        {
            id = value;
            return true;
        }

        id = string.Empty;
        return false;
    }

    private static byte[] Message(string type, string? id, ReadOnlySpan<byte> payload)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + payload.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            if (!payload.IsEmpty)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payload, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>{"id":…,"type":"next","payload":</c> — what <see cref="Message"/> writes before the payload.</summary>
    private static byte[] NextHead(string id)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", GraphQLWsMessageTypes.Next);
            writer.WritePropertyName("payload");
            writer.Flush();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void Enqueue(byte[] message) => Enqueue(OutgoingFrame.Text(message));

    private void Enqueue(OutgoingFrame frame)
    {
        if (Volatile.Read(ref _closing) != 0)
        {
            return;
        }

        int overflow = 0;
        bool startWriter = false;
        lock (_sendGate)
        {
            if (_outboxCompleted || _writerStopped)
            {
                return;
            }

            if (_outbox.Count >= options.MaxQueuedMessagesPerConnection)
            {
                overflow = _outbox.Count + 1;
            }
            else
            {
                _outbox.Enqueue(frame);
                startWriter = !_writerActive;
                _writerActive = true;
            }
        }

        if (overflow > 0)
        {
            Log.SocketBackpressure(logger, connectionId, overflow);
            Close(1013, "Client is not reading fast enough");
            return;
        }

        if (startWriter)
        {
            _ = WriteLoopAsync();
        }
    }

    /// <summary>Lets the writer send what is queued, then stop (the socket is done).</summary>
    private void CompleteOutbox()
    {
        lock (_sendGate)
        {
            _outboxCompleted = true;
            if (_writerActive)
            {
                return;
            }
        }

        _sendingStopped.TrySetResult();
    }

    /// <summary>Queues the close frame (once); the read loop ends when the client answers it.</summary>
    private void Close(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        Log.SocketClosed(logger, connectionId, code, reason);
        bool startWriter;
        lock (_sendGate)
        {
            if (_outboxCompleted || _writerStopped)
            {
                return;
            }

            _outbox.Enqueue(OutgoingFrame.Close(code, reason));
            startWriter = !_writerActive;
            _writerActive = true;
        }

        if (startWriter)
        {
            _ = WriteLoopAsync();
        }
    }

    /// <summary>Sends queued frames until the queue is empty (then the next enqueue starts a writer again).</summary>
    private async Task WriteLoopAsync()
    {
        while (true)
        {
            OutgoingFrame frame;
            bool ended;
            lock (_sendGate)
            {
                if (_outbox.TryDequeue(out frame))
                {
                    ended = false;
                }
                else
                {
                    _writerActive = false;
                    if (!_outboxCompleted)
                    {
                        return;
                    }

                    ended = true;
                }
            }

            if (ended)
            {
                _sendingStopped.TrySetResult();
                return;
            }

            try
            {
                if (frame.IsClose)
                {
                    if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync((WebSocketCloseStatus)frame.CloseCode, frame.CloseReason, CancellationToken.None);
                    }

                    ScheduleAbortIfClientIgnoresClose();
                    StopWriter();
                    return;
                }

                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await SendAsync(frame);
                }
            }
            catch (Exception exception)
            {
                // Whatever broke the send, the connection must not wait for a writer that is gone.
                Log.SocketAborted(logger, connectionId, exception);
                StopWriter();
                return;
            }
        }
    }

    private ValueTask SendAsync(OutgoingFrame frame)
    {
        if (frame.Payload is null)
        {
            return socket.SendAsync(frame.Head.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token);
        }

        return SendSplicedAsync(frame);
    }

    private async ValueTask SendSplicedAsync(OutgoingFrame frame)
    {
        // One frame on the wire: the pieces are joined in a pooled buffer (the socket copies it into its own send buffer).
        var length = frame.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            frame.CopyTo(buffer);
            await socket.SendAsync(buffer.AsMemory(0, length), WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>No more frames will be sent (close sent or socket failed): drop what is queued and refuse the rest.</summary>
    private void StopWriter()
    {
        lock (_sendGate)
        {
            _writerStopped = true;
            _writerActive = false;
            _outbox.Clear();
        }

        _sendingStopped.TrySetResult();
    }

    private void ScheduleAbortIfClientIgnoresClose()
    {
        _ = Task.Delay(CloseHandshakeTimeout).ContinueWith(
            _ =>
            {
                if (socket.State == WebSocketState.CloseSent)
                {
                    socket.Abort();
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>One running operation: its cancellation, its DI scope and (for subscriptions) the stream subscription.</summary>
    private sealed class Operation(CancellationTokenSource cancellation) : IDisposable
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

    /// <summary>Forwards a shared stream's results as this operation's next messages; complete ends the operation.</summary>
    private sealed class OperationSink(GraphQLWsConnection connection, string id, Operation operation) : Subscriptions.ISubscriptionSink
    {
        private readonly byte[] _nextHead = NextHead(id);

        public void OnNext(byte[] payload)
        {
            if (!operation.Cancellation.IsCancellationRequested)
            {
                connection.Enqueue(OutgoingFrame.Spliced(_nextHead, payload));
            }
        }

        public void OnError()
        {
            if (!operation.Cancellation.IsCancellationRequested)
            {
                connection.SendErrors(id, [new ExecutionError("The subscription stream failed.") { Code = "STREAM_ERROR" }]);
                connection.StopOperation(id);
            }
        }

        public void OnFellBehind() => connection.Close(1013, "Subscriber fell behind the committed changes");

        public void OnCompleted()
        {
            if (!operation.Cancellation.IsCancellationRequested)
            {
                connection.Enqueue(Message(GraphQLWsMessageTypes.Complete, id, default));
                connection.StopOperation(id);
            }
        }
    }
}
