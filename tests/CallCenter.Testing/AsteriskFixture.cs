using System.Net.WebSockets;
using CallCenter.LocalServers;
using Xunit;

namespace CallCenter.Testing;

/// <summary>
/// A throwaway Asterisk instance shared by a test collection: free HTTP (ARI) and SIP ports, generated ARI and
/// agent passwords, a reserved port where dialplan number 2001 rings a <see cref="SippAgent"/>, and the simulated
/// provider at the end of the trunk (asterisk/simulated-provider-*.conf).
/// Its instance folder inside the root filesystem is removed when the collection ends.
/// </summary>
public sealed class AsteriskFixture : IAsyncLifetime
{
    public AsteriskFixture()
    {
        TestAgentPort = PortAllocator.GetFreePort(alsoUdp: true);
        Server = new AsteriskServer(
            $"test-{Environment.ProcessId}-{System.Security.Cryptography.RandomNumberGenerator.GetHexString(6, lowercase: true)}",
            new AsteriskInstanceSettings(PortAllocator.GetFreePort(), PortAllocator.GetFreePort(alsoUdp: true), AsteriskSecrets.Generate())
            {
                TestAgentUri = $"sip:agent@127.0.0.1:{TestAgentPort}",
                SimulatedProviderPort = PortAllocator.GetFreePort(alsoUdp: true),
                // The ring-out numbers (5552XXX) give up quickly, so a test of an unanswered call stays short.
                SimulatedProviderRingSeconds = 2,
            },
            TestRun.Log);
    }

    public AsteriskServer Server { get; }

    /// <summary>Where dialplan number 2001 rings the test agent; start one with <see cref="StartTestAgent"/>.</summary>
    public int TestAgentPort { get; }

    /// <summary>A sipp caller aimed at this instance's SIP port.</summary>
    public SippRunner Sipp => new("127.0.0.1", Server.SipPort, TestRun.Log);

    /// <summary>Starts the sipp UAS that number 2001 rings. Dispose it before the next test starts another.</summary>
    public SippAgent StartTestAgent() => SippAgent.Start(TestAgentPort);

    /// <summary>Login of agent <paramref name="extension"/> (1001-1010) with this instance's generated password.</summary>
    public SippAgentLogin Agent(string extension) => new(extension, Server.AgentPasswords[extension]);

    /// <summary>
    /// Starts a softphone for agent <paramref name="extension"/> (see <see cref="SippSoftphone.Start"/>) and waits until ARI
    /// shows the endpoint online, i.e. registered.
    /// </summary>
    public async Task<SippSoftphone> RegisterSoftphoneAsync(string extension, TimeSpan ringFor, TimeSpan? hangUpAfter = null, CancellationToken cancellationToken = default)
    {
        using var ari = CreateAriClient();
        return await SippSoftphone.RegisterAsync(ari, Server.SipPort, extension, Server.AgentPasswords[extension], ringFor, hangUpAfter, cancellationToken: cancellationToken);
    }

    /// <summary>An HttpClient for ARI's REST API: base address /ari/ and the generated credentials.</summary>
    public HttpClient CreateAriClient()
    {
        var client = new HttpClient { BaseAddress = Server.AriBaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = Server.AriAuthorization;
        return client;
    }

    /// <summary>Connects to ARI's event WebSocket as <paramref name="application"/> (subscribeAll).</summary>
    public async Task<ClientWebSocket> ConnectEventsAsync(
        string application = AsteriskServer.AriApplication,
        CancellationToken cancellationToken = default)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", Server.AriAuthorization.ToString());
        await socket.ConnectAsync(Server.AriEventsUrl(application), cancellationToken);
        return socket;
    }

    public async ValueTask InitializeAsync() => await Server.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
