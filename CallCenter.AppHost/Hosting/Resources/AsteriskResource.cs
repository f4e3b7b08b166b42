using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CallCenter.AppHost.Hosting.Containers;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Hosting.Resources;

/// <summary>
/// The bundled Asterisk 22 PBX with the repository's configuration and the installation's generated
/// passwords: chrooted in the root filesystem eng/install-prereqs.sh builds (shared with the test harness),
/// or a container built from Containers/asterisk.Containerfile. Services that reference it get the "Ari"
/// configuration section (Ari__BaseUrl, Ari__Username, Ari__Password, Ari__Application).
/// </summary>
public sealed class AsteriskResource(string name) : Resource(name), IResourceWithEnvironment
{
    public const int PreferredAriPort = 8088;
    public const int PreferredSipPort = 5060;
    public const string ContainerImage = "localhost/callcenter-asterisk:22";

    /// <summary>Test numbers of the shipped dialplan (asterisk/extensions.conf).</summary>
    public static readonly IReadOnlyDictionary<string, string> TestNumbers = new Dictionary<string, string>
    {
        ["2000"] = "answered at once, echoes the caller",
        ["2001"] = "rings the test agent (a sipp UAS, in --demo) and bridges to it",
        ["2002"] = "rings, nobody answers (missed)",
        ["2003"] = "busy (486)",
        ["2004"] = "fails (503)",
        ["1001-1010"] = "rings that agent's softphone",
        ["any other number"] = "rings every registered agent (the main line)",
    };

    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    public override string Kind => "Asterisk PBX";

    public int AriPort { get; private set; }

    public int SipPort { get; private set; }

    /// <summary>The address SIP listens on; 127.0.0.1 unless softphones on other machines should reach it (--sip-bind).</summary>
    public string SipBindAddress { get; private set; } = "127.0.0.1";

    /// <summary>Where number 2001 rings the test agent; set in demo mode, where a sipp UAS answers there.</summary>
    public int? TestAgentPort { get; private set; }

    public string AriPassword { get; private set; } = "";

    public IReadOnlyDictionary<string, string> AgentPasswords { get; private set; } = new Dictionary<string, string>();

    public Uri AriBaseUrl => new($"http://127.0.0.1:{AriPort}/ari/");

    internal string InstanceName { get; private set; } = "";

    public void ApplyReferenceEnvironment(IDictionary<string, string> environment)
    {
        environment["Ari__BaseUrl"] = AriBaseUrl.AbsoluteUri;
        environment["Ari__Username"] = AsteriskServer.AriUser;
        environment["Ari__Password"] = AriPassword;
        environment["Ari__Application"] = AsteriskServer.AriApplication;
    }

    internal override void Bind(RunContext context)
    {
        AriPort = context.Ports.Get($"{Name}-ari", PreferredAriPort);
        SipPort = context.Ports.Get($"{Name}-sip", PreferredSipPort, udp: true);
        SipBindAddress = context.Options.SipBindAddress;
        TestAgentPort = context.Options.Demo ? context.Ports.Get($"{Name}-test-agent", 0, udp: true) : null;
        AriPassword = context.Secrets.AriPassword;
        AgentPasswords = context.Secrets.AgentPasswords;
        InstanceName = $"apphost-{context.Secrets.InstallationId}";
        var settings = new AsteriskInstanceSettings(AriPort, SipPort, new AsteriskSecrets(AriPassword, AgentPasswords))
        {
            SipBindAddress = SipBindAddress,
            TestAgentUri = TestAgentPort is { } agentPort ? $"sip:agent@127.0.0.1:{agentPort}" : null,
        };

        if (context.Mode == ExecutionMode.Container)
        {
            var root = Path.Combine(context.DataFolder.ResourceDirectory(Name), "root");
            var layout = new AsteriskInstanceLayout(root, InstanceName);
            Server = new ContainerServer(Name, layout.HostDirectory, context.RequireContainerRuntime(), ContainerSpecFor(context, layout), ProbeAsync, AriBaseUrl.AbsoluteUri, context.Output.Log)
            {
                BuildArguments = ImageBuildArguments(),
            };
            AsteriskConfiguration.Write(AsteriskConfiguration.DefaultSourceDirectory, layout, settings);
        }
        else
        {
            // The instance folder (recordings, astdb) stays in the root filesystem between runs.
            Server = new AsteriskServer(InstanceName, settings, context.Output.Log, keepInstanceDirectory: true);
        }
    }

    /// <summary>
    /// Host networking, as the local mode shares the host's network: SIP and the RTP range (10000-20000/udp)
    /// need no thousands of published ports, and the bind addresses mean the same in both modes. The
    /// instance folder is mounted at the path its asterisk.conf names.
    /// </summary>
    internal ContainerSpec ContainerSpecFor(RunContext context, AsteriskInstanceLayout layout) => new($"callcenter-{context.Secrets.InstallationId}-{Name}", ContainerImage)
    {
        Volumes = [new VolumeMount(layout.HostDirectory, layout.ChrootDirectory)],
        Command = ["-C", layout.AsteriskConf],
        Labels = ContainerLabels.For(context, Name),
        Network = "host",
    };

    internal static IReadOnlyList<string> ImageBuildArguments()
    {
        var folder = Path.Combine(Prerequisites.RepositoryRoot, "CallCenter.AppHost", "Containers");
        return ["build", "--tag", ContainerImage, "--file", Path.Combine(folder, "asterisk.Containerfile"), folder];
    }

    internal override IEnumerable<ResourceEndpoint> DescribeEndpoints() =>
    [
        new("ARI", AriBaseUrl.AbsoluteUri, $"user {AsteriskServer.AriUser}, password {AriPassword}, app {AsteriskServer.AriApplication}"),
        new("SIP", $"udp {SipBindAddress}:{SipPort}", $"agents {string.Join(", ", AgentPasswords.Keys.Order(StringComparer.Ordinal).Take(1))}-{AgentPasswords.Keys.Order(StringComparer.Ordinal).Last()} (passwords below)"),
    ];

    internal override IEnumerable<string> ExternalDataFolders(RunContext context)
    {
        if (context.Mode == ExecutionMode.Container)
        {
            return [];
        }

        try
        {
            return [new AsteriskInstanceLayout(Prerequisites.AsteriskRootFilesystem, $"apphost-{context.Secrets.InstallationId}").HostDirectory];
        }
        catch (MissingPrerequisiteException)
        {
            return [];
        }
    }

    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(AriBaseUrl, "asterisk/info"));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AsteriskServer.AriUser}:{AriPassword}")));
        using var response = await Probe.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
