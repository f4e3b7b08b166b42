using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Xunit;

namespace CallCenter.AppHost.Tests;

/// <summary>
/// A graphql-transport-ws client for the AppHost's API, as a frontend uses it: one socket, authenticated in
/// connection_init, subscriptions by id. A reader keeps every frame it receives (answering server pings), so
/// a test can wait for the update it expects while other updates keep arriving.
/// </summary>
internal sealed class GraphQLSubscriptionClient : IAsyncDisposable
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonObject> _control = Channel.CreateUnbounded<JsonObject>();
    private readonly Lock _gate = new();
    private readonly List<Update> _updates = [];
    private readonly List<JsonObject> _ended = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;

    /// <summary>A "next" frame: which subscription, its data, and when it arrived.</summary>
    public sealed record Update(string Id, JsonNode Data, TimeSpan ReceivedAt);

    /// <summary>Set once the server closed the socket.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public Task Closed => _reader ?? Task.CompletedTask;

    public static async Task<GraphQLSubscriptionClient> ConnectAsync(string webSocketUrl, string token)
    {
        var client = new GraphQLSubscriptionClient();
        client._socket.Options.AddSubProtocol("graphql-transport-ws");
        using var timeout = new CancellationTokenSource(HandshakeTimeout);
        await client._socket.ConnectAsync(new Uri(webSocketUrl), timeout.Token);
        Assert.Equal("graphql-transport-ws", client._socket.SubProtocol);
        client._reader = client.ReadAsync(Stopwatch.StartNew());

        await client.SendAsync(new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["authorization"] = $"Bearer {token}" } });
        var ack = await client.ReadControlAsync(timeout.Token);
        Assert.True(ack["type"]?.GetValue<string>() == "connection_ack", $"expected connection_ack, got {ack.ToJsonString()}");
        return client;
    }

    /// <summary>
    /// Starts a subscription and returns once the server has read it: the server handles a socket's frames in
    /// order, so the pong to a ping sent after the subscribe means the subscribe was taken in.
    /// </summary>
    public async Task SubscribeAsync(string id, string query, JsonObject? variables = null)
    {
        await SendAsync(new JsonObject
        {
            ["type"] = "subscribe",
            ["id"] = id,
            ["payload"] = new JsonObject { ["query"] = query, ["variables"] = variables ?? [] },
        });
        await SendAsync(new JsonObject { ["type"] = "ping" });
        using var timeout = new CancellationTokenSource(HandshakeTimeout);
        var answer = await ReadControlAsync(timeout.Token);
        Assert.True(answer["type"]?.GetValue<string>() == "pong", $"subscription {id}: expected pong, got {answer.ToJsonString()}");
    }

    /// <summary>The first update of subscription <paramref name="id"/> (received so far or later) that matches.</summary>
    public async Task<Update?> WaitForAsync(string id, Func<JsonNode, bool> match, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            lock (_gate)
            {
                if (_updates.FirstOrDefault(update => update.Id == id && match(update.Data)) is { } found)
                {
                    return found;
                }

                if (_ended.FirstOrDefault(frame => frame["id"]?.GetValue<string>() == id) is { } ended)
                {
                    Assert.Fail($"subscription {id} ended: {ended.ToJsonString()}");
                }
            }

            if (_reader is { IsCompleted: true })
            {
                return null;
            }

            var left = timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                return null;
            }
        }
    }

    /// <summary>Every update of subscription <paramref name="id"/> so far.</summary>
    public IReadOnlyList<Update> Updates(string id)
    {
        lock (_gate)
        {
            return [.. _updates.Where(update => update.Id == id)];
        }
    }

    public string Describe()
    {
        lock (_gate)
        {
            return $"{_updates.Count} updates: " + string.Join("; ", _updates.TakeLast(20).Select(update => $"{update.Id}@{update.ReceivedAt.TotalSeconds:0.0}s {update.Data.ToJsonString()}"))
                + string.Concat(_ended.Select(frame => $"; {frame.ToJsonString()}"))
                + (CloseStatus is { } status ? $"; closed {(int)status} {_socket.CloseStatusDescription}" : "");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
            }
        }

        await _stop.CancelAsync();
        if (_reader is not null)
        {
            await _reader;
        }

        _socket.Dispose();
        _stop.Dispose();
        _arrived.Dispose();
    }

    private async Task<JsonObject> ReadControlAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _control.Reader.ReadAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            Assert.Fail($"No answer from the API's WebSocket ({Describe()})");
            throw;
        }
    }

    private async Task SendAsync(JsonObject message) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, _stop.Token);

    private async Task ReadAsync(Stopwatch clock)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var frame = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                switch (frame["type"]?.GetValue<string>())
                {
                    case "next":
                        lock (_gate)
                        {
                            _updates.Add(new Update(frame["id"]!.GetValue<string>(), frame["payload"]!["data"]!, clock.Elapsed));
                        }

                        _arrived.Release();
                        break;
                    case "ping":
                        await SendAsync(new JsonObject { ["type"] = "pong" });
                        break;
                    case "error" or "complete":
                        // A subscription the server refused or ended: keep it visible to the waiting test.
                        lock (_gate)
                        {
                            _ended.Add(frame);
                        }

                        _arrived.Release();
                        break;
                    default:
                        _control.Writer.TryWrite(frame);
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            _control.Writer.TryComplete();
            _arrived.Release();
        }
    }
}
