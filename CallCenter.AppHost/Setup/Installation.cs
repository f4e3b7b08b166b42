using System.Net;
using System.Net.Sockets;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Setup;

/// <summary>
/// This checkout's installation, as Program.cs uses it: the secrets as Aspire parameters (values generated once and
/// kept in the data folder), ports, and the data folder itself. Publishing has no installation: parameters are then
/// inputs the deployment supplies.
/// </summary>
internal sealed class Installation
{
    private readonly IDistributedApplicationBuilder _builder;
    private int? _testAgentPort;

    private Installation(IDistributedApplicationBuilder builder, AppHostOptions options, DataFolder? folder)
    {
        _builder = builder;
        Options = options;
        Folder = folder;
    }

    public AppHostOptions Options { get; }

    /// <summary>Null when publishing.</summary>
    public DataFolder? Folder { get; }

    public DataFolder RunFolder => Folder ?? throw new InvalidOperationException("Publishing has no local installation.");

    public bool IsPublishing => Folder is null;

    public static Installation Open(IDistributedApplicationBuilder builder, AppHostOptions options)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return new Installation(builder, options, null);
        }

        if (options.Reset && Directory.Exists(options.DataDirectory))
        {
            var old = new DataFolder(options.DataDirectory);
            DataFolder.Wipe(old.Root, Local.LocalAsteriskExtensions.InstanceFolders(old).Concat(Local.LocalPostgresExtensions.FoldersOutside(old)));
            Console.WriteLine($"--reset: removed {old.Root} (data and secrets)");
        }

        return new Installation(builder, options, new DataFolder(options.DataDirectory));
    }

    /// <summary>Where dialplan number 2001 rings the demo's answering test agent (a sipp UAS).</summary>
    public int TestAgentPort => _testAgentPort ??= CallCenter.LocalServers.PortAllocator.GetFreePort(alsoUdp: true);

    /// <summary>A secret parameter whose value is generated on the first run and reused afterwards.</summary>
    public IResourceBuilder<ParameterResource> AddSecret(string name, Func<string>? generate = null) => IsPublishing
        ? _builder.AddParameter(name, secret: true)
        : _builder.AddParameter(name, () => RunFolder.Secret(name, generate), publishValueAsDefault: false, secret: true);

    /// <summary>A secret only the bundled servers use (agents' SIP passwords, Azurite's key): not a deployment input.</summary>
    public IResourceBuilder<ParameterResource> AddLocalSecret(string name, Func<string>? generate = null) => IsPublishing
        ? _builder.AddParameter(name, secret: true).ExcludeFromManifest()
        : AddSecret(name, generate);

    /// <summary>The value of a parameter made by <see cref="AddSecret"/>, for local servers that need it in their own configuration.</summary>
    public string ValueOf(IResourceBuilder<ParameterResource> secret) => RunFolder.Secret(secret.Resource.Name);

    /// <summary>The well-known port when it is free (bookmarks and softphone accounts keep working), else any free one.</summary>
    public int Port(int preferred, bool alsoUdp = false) =>
        Options.PreferWellKnownPorts && IsFree(preferred, alsoUdp) ? preferred : CallCenter.LocalServers.PortAllocator.GetFreePort(alsoUdp);

    private static bool IsFree(int port, bool alsoUdp)
    {
        try
        {
            using var tcp = new TcpListener(IPAddress.Loopback, port);
            tcp.Start();
            tcp.Stop();
            if (alsoUdp)
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Any, port));
            }

            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
