using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CallCenter.LocalServers;
using CallCenter.Testing;

namespace CallCenter.Deployment.Tests.Containers;

/// <summary>
/// The Asterisk image run as a container on the host's network with throwaway ports and passwords: the generated
/// includes are written to a folder mounted at /etc/asterisk/callcenter-generated (<c>U</c>: owned by the image's
/// asterisk user, which Asterisk runs as), next to the configuration the image ships.
/// </summary>
public sealed class AsteriskContainer : IAsyncDisposable
{
    private static readonly HttpClient ProbeClient = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly PodmanContainer _container;

    public AsteriskContainer(string image)
    {
        Settings = new AsteriskInstanceSettings(PortAllocator.GetFreePort(), PortAllocator.GetFreePort(alsoUdp: true), AsteriskSecrets.Generate());
        var includes = TestRun.NewDirectory("asterisk-generated");
        AsteriskConfiguration.WriteIncludes(includes, Settings);
        _container = new PodmanContainer(
            $"callcenter-test-asterisk-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}",
            image,
            new Dictionary<string, string>(),
            IsBootedAsync,
            ["--volume", $"{includes}:/etc/asterisk/{AsteriskConfiguration.GeneratedFolder}:ro,U"]);
    }

    public AsteriskInstanceSettings Settings { get; }

    public PodmanContainer Container => _container;

    public Uri AriBaseUrl => new($"http://127.0.0.1:{Settings.HttpPort.ToString(CultureInfo.InvariantCulture)}/ari/");

    public AuthenticationHeaderValue AriAuthorization => new(
        "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AsteriskServer.AriUser}:{Settings.Secrets.AriPassword}")));

    /// <summary>An HttpClient for ARI's REST API: base address /ari/ and the generated credentials.</summary>
    public HttpClient CreateAriClient()
    {
        var client = new HttpClient { BaseAddress = AriBaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = AriAuthorization;
        return client;
    }

    public Task StartAsync() => _container.StartAsync();

    public ValueTask DisposeAsync() => _container.DisposeAsync();

    /// <summary>ARI answers, and (like the local launcher's probe) every module is loaded: calls need PJSIP and the dialplan.</summary>
    private async Task<bool> IsBootedAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(AriBaseUrl, "asterisk/info"));
        request.Headers.Authorization = AriAuthorization;
        using var response = await ProbeClient.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        var booted = await Podman.RunAsync("exec", _container.Name, "asterisk", "-rx", "core waitfullybooted");
        return booted.Contains("fully booted", StringComparison.OrdinalIgnoreCase);
    }
}
