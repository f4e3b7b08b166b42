using System.Buffers;
using System.Net.WebSockets;
using CallCenter.Api.Options;
using CallCenter.Api.Security;
using CallCenter.Api.Telemetry;
using GraphQL;

namespace CallCenter.Api.Transport.WebSockets;

/// <summary>
/// One graphql-transport-ws connection: reads the socket's messages in order (the read loop owns the protocol state),
/// times the initialisation and the keep-alive pings, and on the way out stops the operations and lets the
/// <see cref="WebSocketOutbox"/> finish. What a message means is <see cref="GraphQLWsProtocol"/>'s job.
/// </summary>
internal sealed class GraphQLWsConnection
{
    private readonly WebSocket _socket;
    private readonly GraphQLServerOptions _options;
    private readonly string _connectionId;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly WebSocketOutbox _outbox;
    private readonly GraphQLWsAuthentication _authentication;
    private readonly GraphQLWsOperations _operations;
    private readonly GraphQLWsProtocol _protocol;

    public GraphQLWsConnection(
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
        _socket = socket;
        _options = options;
        _connectionId = connectionId;
        _logger = logger;
        _outbox = new WebSocketOutbox(socket, connectionId, options.MaxQueuedMessagesPerConnection, logger, _lifetime.Token);
        _authentication = new GraphQLWsAuthentication(authenticator, httpContext, connectionId, _outbox, logger, _lifetime.Token);
        _operations = new GraphQLWsOperations(
            executor, subscriptions, scopeFactory, options.MaxSubscriptionsPerConnection, _outbox, new GraphQLWsMessages(serializer), telemetry, logger, _lifetime.Token);
        _protocol = new GraphQLWsProtocol(_outbox, _authentication, _operations, serializer);
    }

    public async Task RunAsync(CancellationToken serverStopping)
    {
        using var stopping = serverStopping.Register(() => _outbox.Close(1001, "Server is shutting down"));
        using var initTimer = new Timer(
            _ =>
            {
                if (!_authentication.InitReceived)
                {
                    _outbox.Close(GraphQLWsCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
                }
            },
            null, _options.ConnectionInitTimeout, Timeout.InfiniteTimeSpan);
        using var keepAlive = _options.KeepAliveInterval > TimeSpan.Zero
            ? new Timer(
                _ =>
                {
                    if (_authentication.Acknowledged)
                    {
                        _outbox.Enqueue(GraphQLWsMessages.Message(GraphQLWsMessageTypes.Ping, null, default));
                    }
                },
                null, _options.KeepAliveInterval, _options.KeepAliveInterval)
            : null;

        try
        {
            await ReadLoopAsync();
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            Log.SocketAborted(_logger, _connectionId, exception);
        }
        finally
        {
            await _lifetime.CancelAsync();
            _operations.StopAll();
            _outbox.Complete();
            await _outbox.Stopped;
            await _authentication.DisposeAsync();
            _lifetime.Dispose();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            buffer.Clear();
            ValueWebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer.GetMemory(4096), _lifetime.Token);
                buffer.Advance(received.Count);
                if (buffer.WrittenCount > _options.MaxRequestBytes)
                {
                    _outbox.Close(GraphQLWsCloseCodes.BadRequest, "Message too large");
                    await DrainUntilClosedAsync();
                    return;
                }
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                // The client closed (or answered our close): answer with the same code and stop.
                var code = _socket.CloseStatus is { } status ? (int)status : 1000;
                _outbox.Close(code == 1005 ? 1000 : code, _socket.CloseStatusDescription ?? string.Empty);
                return;
            }

            if (_outbox.IsClosing)
            {
                continue;
            }

            if (received.MessageType == WebSocketMessageType.Binary)
            {
                _outbox.Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: binary frames are not supported");
                continue;
            }

            await _protocol.HandleMessageAsync(buffer.WrittenMemory);
        }
    }

    /// <summary>After we sent a close frame, wait (bounded) for the client's close so the handshake completes cleanly.</summary>
    private async Task DrainUntilClosedAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        timeout.CancelAfter(WebSocketOutbox.CloseHandshakeTimeout);
        var scratch = new byte[1024];
        try
        {
            while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await _socket.ReceiveAsync(scratch.AsMemory(), timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            _socket.Abort();
        }
    }
}
