using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallCenter.Ari.Tests.Fakes;

/// <summary>
/// Stands in for Asterisk only where a real one cannot be made to misbehave on demand: scripted WebSocket
/// connections (malformed/fragmented frames, drops, refusals) and canned REST answers. Listens on 127.0.0.1, port 0.
/// </summary>
internal sealed class FakeAsterisk : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<WebSocket, CancellationToken, Task>> _connectionScripts = new();
    private int _upgradesToRefuse;

    private FakeAsterisk(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<string> EventRequestUrls { get; } = new();
    public ConcurrentQueue<string?> EventAuthorizationHeaders { get; } = new();
    public ConcurrentQueue<RecordedRequest> RestRequests { get; } = new();
    public int UpgradeAttempts => EventRequestUrls.Count;

    /// <summary>Completes with the close status the client sent when a held-open connection ended.</summary>
    public TaskCompletionSource<WebSocketCloseStatus?> ClientClose { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<RecordedRequest, FakeRestResponse> RestResponder { get; set; } = _ => new FakeRestResponse(200, "{}");

    public static async Task<FakeAsterisk> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeAsterisk(app);
        app.UseWebSockets();
        app.Map("/ari/events", fake.HandleEventsAsync);
        app.Map("/ari/{**rest}", fake.HandleRestAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/ari/");
        return fake;
    }

    /// <summary>Scripts the next accepted connection; connections without a script stay open until the client closes.</summary>
    public void OnNextConnection(Func<WebSocket, CancellationToken, Task> script) => _connectionScripts.Enqueue(script);

    public void RefuseNextUpgrades(int count) => Interlocked.Exchange(ref _upgradesToRefuse, count);

    public static Task SendAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Sends one message as several WebSocket frames, cut at arbitrary byte offsets (even inside a UTF-8 character).</summary>
    public static async Task SendFragmentedAsync(WebSocket socket, string text, int fragmentBytes, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var offset = 0; offset < bytes.Length; offset += fragmentBytes)
        {
            var count = Math.Min(fragmentBytes, bytes.Length - offset);
            await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, endOfMessage: offset + count == bytes.Length, cancellationToken);
        }
    }

    /// <summary>Keeps the connection open until the client leaves, and records how it left in <see cref="ClientClose"/>.</summary>
    public async Task HoldOpenAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClientClose.TrySetResult(result.CloseStatus);
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
                    return;
                }
            }
        }
        catch (Exception)
        {
            // The client went away without a close frame.
            ClientClose.TrySetResult(null);
        }
    }

    private async Task HandleEventsAsync(HttpContext context)
    {
        EventRequestUrls.Enqueue(context.Request.GetEncodedPathAndQuery());
        EventAuthorizationHeaders.Enqueue(context.Request.Headers.Authorization.FirstOrDefault());
        if (Interlocked.Decrement(ref _upgradesToRefuse) >= 0 || !context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        if (_connectionScripts.TryDequeue(out var script))
        {
            await script(socket, context.RequestAborted);
            return;
        }

        await HoldOpenAsync(socket, context.RequestAborted);
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            await reader.ReadToEndAsync(context.RequestAborted),
            context.Request.Headers.Authorization.FirstOrDefault());
        RestRequests.Enqueue(request);
        var response = RestResponder(request);
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
