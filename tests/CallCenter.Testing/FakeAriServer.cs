using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallCenter.Testing;

/// <summary>
/// Stands in for Asterisk only where a real one cannot be made to misbehave: it sends whatever frames
/// the test queues (malformed JSON, bursts) on the events WebSocket, and answers the REST calls the
/// ingestion service makes (channel list, application, continue) with empty, valid answers.
/// </summary>
public sealed class FakeAriServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    // Bounded so a benchmark can stream millions of frames without holding them all in memory.
    private readonly Channel<string> _frames = Channel.CreateBounded<string>(100_000);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _continued = new();
    private int _bridgeFailures;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeAriServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>How many of the next POST /bridges are refused (409).</summary>
    public int BridgeFailures
    {
        get => Volatile.Read(ref _bridgeFailures);
        set => Volatile.Write(ref _bridgeFailures, value);
    }

    /// <summary>Channels the client handed back to the dialplan (POST /channels/{id}/continue), in order.</summary>
    public IReadOnlyCollection<string> Continued => _continued;

    public Task Connected => _connected.Task;

    public static async Task<FakeAriServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // A log line per request would cost the benchmark's load generator more than the requests themselves.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var fake = new FakeAriServer(app);
        app.UseWebSockets();
        app.Map("/ari/events", fake.ServeEventsAsync);
        app.MapGet("/ari/channels", () => Results.Text("[]", "application/json"));
        app.MapGet("/ari/asterisk/info", () => Results.Text(
            """{"system":{"version":"22.0.0","entity_id":"00:11:22:33:44:55"}}""", "application/json"));
        app.MapGet("/ari/applications/{name}", (string name) => Results.Text(
            $$"""{"name":"{{name}}","channel_ids":[],"bridge_ids":[],"endpoint_ids":[],"device_names":[],"events_allowed":[],"events_disallowed":[]}""",
            "application/json"));
        app.MapPost("/ari/channels/{id}/continue", (string id) =>
        {
            fake._continued.Enqueue(id);
            return Results.NoContent();
        });
        app.MapGet("/ari/bridges", () => Results.Text("[]", "application/json"));
        // A PBX that refuses to make a bridge now and then (a real one cannot be made to): calls must not be stranded.
        // 409, which the client does not retry (a 5xx would be retried by its resilience handler and succeed).
        app.MapPost("/ari/bridges", (string? bridgeId) => Interlocked.Decrement(ref fake._bridgeFailures) >= 0
            ? Results.Json(new { message = "Unable to create bridge" }, statusCode: StatusCodes.Status409Conflict)
            : Results.Text($$"""{"id":"{{bridgeId}}","technology":"simple_bridge","bridge_type":"mixing","bridge_class":"stasis","channels":[]}""", "application/json"));
        app.MapPost("/ari/bridges/{id}/addChannel", () => Results.NoContent());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri($"{address}/ari/");
        return fake;
    }

    public void Send(string frame)
    {
        if (!_frames.Writer.TryWrite(frame))
        {
            throw new InvalidOperationException("The fake ARI server's frame queue is full or closed.");
        }
    }

    /// <summary>Queues a frame, waiting while 100,000 are already queued; the socket sends them as fast as the client reads.</summary>
    public ValueTask SendAsync(string frame, CancellationToken cancellationToken = default) =>
        _frames.Writer.WriteAsync(frame, cancellationToken);

    /// <summary>A minimal but well-formed ARI channel event.</summary>
    public static string ChannelEvent(string type, string channelId, int sequence) =>
        "{\"type\":\"" + type + "\",\"timestamp\":\"2026-11-22T10:00:00.000+0000\",\"application\":\"call-center\",\"asterisk_id\":\"00:11:22:33:44:55\","
        + "\"channel\":{\"id\":\"" + channelId + "\",\"name\":\"PJSIP/trunk-" + sequence.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + "\",\"state\":\"Ring\","
        + "\"caller\":{\"name\":\"\",\"number\":\"998901234567\"},\"connected\":{\"name\":\"\",\"number\":\"\"},\"accountcode\":\"\","
        + "\"dialplan\":{\"context\":\"from-external\",\"exten\":\"2000\",\"priority\":1,\"app_name\":\"\",\"app_data\":\"\"},"
        + "\"creationtime\":\"2026-11-22T10:00:00.000+0000\",\"language\":\"en\",\"channelvars\":{\"CHANNEL(linkedid)\":\"" + channelId + "\"}}}";

    /// <summary>A StasisStart for <paramref name="channelId"/> with the given Stasis() arguments.</summary>
    public static string StasisStart(string channelId, int sequence, params string[] args) =>
        ChannelEvent("StasisStart", channelId, sequence)[..^1] + ",\"args\":" + System.Text.Json.JsonSerializer.Serialize(args) + "}";

    public async ValueTask DisposeAsync()
    {
        _frames.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeEventsAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        _connected.TrySetResult();
        await foreach (var frame in _frames.Reader.ReadAllAsync(context.RequestAborted))
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
        }
    }
}
