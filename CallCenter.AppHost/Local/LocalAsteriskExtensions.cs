using System.Globalization;
using CallCenter.AppHost.Asterisk;
using CallCenter.AppHost.Setup;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Local;

/// <summary>
/// Asterisk 22 chrooted in the root filesystem eng/install-prereqs.sh builds, in a private mount namespace (its
/// /proc and /dev mounts vanish with the process, however it ends), with this installation's configuration.
/// </summary>
internal sealed class LocalAsteriskResource(string name, AsteriskServer server, ParameterResource ariPassword, SipAccess sip)
    : LocalServerResource(name, server), IAsteriskResource
{
    public AsteriskServer Asterisk => (AsteriskServer)Server;

    public ReferenceExpression AriBaseUrl => ReferenceExpression.Create($"{Asterisk.AriBaseUrl.AbsoluteUri}");

    public ReferenceExpression AriUsername => ReferenceExpression.Create($"{AsteriskServer.AriUser}");

    public ReferenceExpression AriPassword => ReferenceExpression.Create($"{ariPassword}");

    public SipAccess? Sip { get; } = sip;
}

internal static class LocalAsteriskExtensions
{
    public const int WellKnownAriPort = 8088;
    public const int WellKnownSipPort = 5060;
    public const int WellKnownProviderPort = 5062;

    public static IResourceBuilder<LocalAsteriskResource> AddLocalAsterisk(
        this Installation installation,
        IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<ParameterResource> ariPassword,
        IReadOnlyDictionary<string, ParameterResource> agentPasswords,
        int? testAgentPort)
    {
        var ariPort = installation.Port(WellKnownAriPort);
        var sipPort = installation.Port(WellKnownSipPort, alsoUdp: true);
        var providerPort = installation.Port(WellKnownProviderPort, alsoUdp: true);
        var secrets = new AsteriskSecrets(
            installation.ValueOf(ariPassword),
            agentPasswords.ToDictionary(agent => agent.Key, agent => installation.RunFolder.Secret(agent.Value.Name)));
        var settings = new AsteriskInstanceSettings(ariPort, sipPort, secrets)
        {
            SipBindAddress = installation.Options.SipBindAddress,
            SimulatedProviderPort = providerPort,
            TestAgentUri = testAgentPort is { } port ? $"sip:agent@127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}" : null,
        };
        // The instance folder (recordings, astdb) stays in the root filesystem between runs.
        var server = new AsteriskServer(InstanceName(installation.RunFolder), settings, LocalServerResourceExtensions.Ignore, keepInstanceDirectory: true);
        var sip = new SipAccess(installation.Options.SipBindAddress, sipPort, agentPasswords, providerPort);
        return builder.AddLocalServer(new LocalAsteriskResource(name, server, ariPassword.Resource, sip))
            .WithHttpEndpoint(name: "ari", port: ariPort, targetPort: ariPort, isProxied: false)
            .WithUrlForEndpoint("ari", url => url.Url += "/ari/api-docs/resources.json")
            .WithUrl($"sip:{sip.Host}:{sipPort.ToString(CultureInfo.InvariantCulture)}", "SIP (udp; agents 1001-1010)")
            .WithUrl($"sip:127.0.0.1:{providerPort.ToString(CultureInfo.InvariantCulture)}", "Simulated SIP provider (the trunk's outside numbers)")
            .WithIconName("Call");
    }

    /// <summary>This installation's Asterisk instance folder, for --reset.</summary>
    public static IEnumerable<string> InstanceFolders(DataFolder folder)
    {
        try
        {
            return [new AsteriskInstanceLayout(Prerequisites.AsteriskRootFilesystem, InstanceName(folder)).HostDirectory];
        }
        catch (MissingPrerequisiteException)
        {
            return [];
        }
    }

    private static string InstanceName(DataFolder folder) => $"apphost-{folder.InstallationId}";
}
