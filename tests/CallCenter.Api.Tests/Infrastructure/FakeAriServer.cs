using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// Stands in for Asterisk's ARI REST interface in the API tests: every channel it is asked about is gone (404), which
/// is the race a real PBX produces when a caller hangs up just before an agent presses a button. Requests are recorded.
/// </summary>
public sealed class FakeAriServer : IAsyncDisposable
{
    private WebApplication? _app;

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1:1/ari/");

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Map("/ari/{**path}", async (HttpContext context, string path) =>
        {
            Requests.Enqueue($"{context.Request.Method} {path}{context.Request.QueryString}");
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"message":"Channel not found"}""");
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/ari/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
