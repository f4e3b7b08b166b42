using System.Net.WebSockets;
using System.Text.Json;

namespace CallCenter.Testing.Pbx;

/// <summary>
/// A live <c>callUpdated</c> subscriber over graphql-transport-ws (every call, a supervisor's token), as a frontend
/// keeps a board current: it records the newest version and status it received per call and counts versions that
/// arrived out of order or twice (the API promises each version once, in order).
/// </summary>
public sealed class CallUpdatesSubscriber : IAsyncDisposable
{
    private const string Subscription = "subscription { callUpdated { id status version } }";
    private readonly ClientWebSocket _socket = new();
    private readonly Dictionary<Guid, (long Version, string Status)> _latest = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;
    private int _outOfOrder;
    private long _received;

    /// <summary>Set when the server ended the subscription or the socket (close code and reason, or the error).</summary>
    public string? Ended { get; private set; }

    public long Received => Interlocked.Read(ref _received);

    public int OutOfOrder => Volatile.Read(ref _outOfOrder);

    /// <summary>The newest version and status received per call id.</summary>
    public IReadOnlyDictionary<Guid, (long Version, string Status)> Latest
    {
        get
        {
            lock (_latest)
            {
                return new Dictionary<Guid, (long, string)>(_latest);
            }
        }
    }

    /// <summary>Connects, authenticates and subscribes; returns once the subscription is in place.</summary>
    public static async Task<CallUpdatesSubscriber> StartAsync(Uri graphQLUrl, string token, CancellationToken cancellationToken = default)
    {
        var subscriber = new CallUpdatesSubscriber();
        var socket = subscriber._socket;
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new UriBuilder(graphQLUrl) { Scheme = "ws" }.Uri, cancellationToken).ConfigureAwait(false);
        await subscriber.SendAsync(new { type = "connection_init", payload = new { authorization = $"Bearer {token}" } }, cancellationToken).ConfigureAwait(false);
        await subscriber.ExpectAsync("connection_ack", cancellationToken).ConfigureAwait(false);
        await subscriber.SendAsync(new { type = "subscribe", id = "calls", payload = new { query = Subscription } }, cancellationToken).ConfigureAwait(false);
        // The server handles messages in order: the pong after the subscribe says the subscription is in place.
        await subscriber.SendAsync(new { type = "ping" }, cancellationToken).ConfigureAwait(false);
        await subscriber.ExpectAsync("pong", cancellationToken).ConfigureAwait(false);
        subscriber._reading = Task.Run(subscriber.ReadAsync, CancellationToken.None);
        return subscriber;
    }

    private Task SendAsync(object message, CancellationToken cancellationToken) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);

    private async Task ExpectAsync(string type, CancellationToken cancellationToken)
    {
        using var message = await ReceiveAsync(cancellationToken).ConfigureAwait(false);
        var received = message?.RootElement.GetProperty("type").GetString();
        if (received != type)
        {
            throw new InvalidOperationException($"Expected {type}, received {(message is null ? "close " + _socket.CloseStatus : message.RootElement.GetRawText())}");
        }
    }

    private async Task<JsonDocument?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(text.ToArray());
            }
        }
    }

    private async Task ReadAsync()
    {
        try
        {
            while (true)
            {
                using var message = await ReceiveAsync(_stop.Token).ConfigureAwait(false);
                if (message is null)
                {
                    Ended = $"closed {(int?)_socket.CloseStatus} {_socket.CloseStatusDescription}";
                    return;
                }

                var root = message.RootElement;
                switch (root.GetProperty("type").GetString())
                {
                    case "next" when root.GetProperty("payload").TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object:
                        Record(data.GetProperty("callUpdated"));
                        break;
                    case "ping":
                        await SendAsync(new { type = "pong" }, _stop.Token).ConfigureAwait(false);
                        break;
                    case "pong":
                        break;
                    default:
                        Ended = root.GetRawText();
                        return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is WebSocketException or JsonException or KeyNotFoundException)
        {
            Ended = exception.Message;
        }
    }

    private void Record(JsonElement call)
    {
        Interlocked.Increment(ref _received);
        var id = Guid.Parse(call.GetProperty("id").GetString()!);
        var version = call.GetProperty("version").GetInt64();
        var status = call.GetProperty("status").GetString()!;
        lock (_latest)
        {
            if (_latest.TryGetValue(id, out var latest) && latest.Version >= version)
            {
                _outOfOrder++;
                return;
            }

            _latest[id] = (version, status);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _reading.ConfigureAwait(false);
        if (_socket.State == WebSocketState.Open)
        {
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Dispose();
        _stop.Dispose();
    }
}
