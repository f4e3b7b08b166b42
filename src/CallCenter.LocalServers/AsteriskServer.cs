using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CallCenter.LocalServers;

/// <summary>
/// Asterisk 22 from the Debian unstable root filesystem, as an isolated instance: its configuration, spool,
/// logs, database and control socket live in a folder of its own inside the root filesystem
/// (&lt;rootfs&gt;/var/tmp/callcenter/&lt;instance&gt;), so tests and the AppHost can run several at once.
/// <para>
/// It runs as <c>unshare --mount -- sh -c 'mount --bind /proc ...; mount --bind /dev ...; exec chroot ... asterisk -f'</c>:
/// the bind mounts exist only in that private mount namespace and vanish with the process, whatever way it
/// ends, so nothing leaks into the host's mount table. Without --fork the exec chain keeps one PID, which is
/// Asterisk itself: SIGTERM reaches it directly for a clean shutdown (unshare --fork would swallow it).
/// </para>
/// </summary>
public sealed class AsteriskServer : LocalServer
{
    /// <summary>The ARI user the shipped ari.conf defines.</summary>
    public const string AriUser = "callcenter";

    /// <summary>The ARI application the dialplan hands calls to (the Ingestion service connects as this).</summary>
    public const string AriApplication = "call-center";

    private const string AsteriskBinary = "/usr/sbin/asterisk";
    private static readonly HttpClient ProbeClient = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly AsteriskInstanceLayout _layout;
    private readonly AsteriskInstanceSettings _settings;
    private readonly string _configurationSource;

    /// <summary>An instance with the default bindings (loopback) and trunk (127.0.0.1).</summary>
    public AsteriskServer(string instanceName, int httpPort, int sipPort, AsteriskSecrets secrets, Action<string, string> output)
        : this(instanceName, new AsteriskInstanceSettings(httpPort, sipPort, secrets), output)
    {
    }

    /// <param name="instanceName">Folder name of the instance inside the root filesystem; reusing it keeps the spool and database.</param>
    /// <param name="settings">Ports, trunk, secrets and the test agent's address.</param>
    /// <param name="output">Receives Asterisk's console lines.</param>
    /// <param name="keepInstanceDirectory">Keep the instance folder (recordings, logs) when disposed, e.g. for the AppHost.</param>
    /// <param name="configurationSource">The folder holding the shipped configuration; the repository's asterisk/ by default.</param>
    public AsteriskServer(
        string instanceName,
        AsteriskInstanceSettings settings,
        Action<string, string> output,
        bool keepInstanceDirectory = false,
        string? configurationSource = null)
        : this(CreateLayout(instanceName), settings, output, keepInstanceDirectory, configurationSource)
    {
    }

    private AsteriskServer(
        AsteriskInstanceLayout layout,
        AsteriskInstanceSettings settings,
        Action<string, string> output,
        bool keepInstanceDirectory,
        string? configurationSource)
        : base("asterisk", layout.HostDirectory, output)
    {
        _layout = layout;
        _settings = settings;
        _configurationSource = configurationSource ?? AsteriskConfiguration.DefaultSourceDirectory;
        KeepInstanceDirectory = keepInstanceDirectory;
    }

    public string InstanceName => _layout.InstanceName;

    public int HttpPort => _settings.HttpPort;

    public int SipPort => _settings.SipPort;

    /// <summary>The simulated provider's SIP port (udp, 127.0.0.1) the trunk leads to; null when it does not run.</summary>
    public int? SimulatedProviderPort => _settings.SimulatedProviderPort;

    /// <summary>ARI's REST root, with the trailing slash so relative URIs ("channels") resolve under it.</summary>
    public Uri AriBaseUrl => new($"http://127.0.0.1:{HttpPort}/ari/");

    public string AriUsername => AriUser;

    public string AriPassword => _settings.Secrets.AriPassword;

    /// <summary>Password per agent extension (1001-1010), for softphones and sipp agents registering.</summary>
    public IReadOnlyDictionary<string, string> AgentPasswords => _settings.Secrets.AgentPasswords;

    /// <summary>The settings the instance was configured with.</summary>
    public AsteriskInstanceSettings Settings => _settings;

    public bool KeepInstanceDirectory { get; }

    /// <summary>Host path of the folder MixMonitor records into (ARI's stored recordings).</summary>
    public string RecordingSpoolDirectory => _layout.HostPath("spool", "recording");

    /// <summary>Host path of Asterisk's log folder ('messages' holds what the console printed).</summary>
    public string LogDirectory => _layout.HostPath("log");

    /// <summary>Basic authentication for ARI requests and the event WebSocket.</summary>
    public AuthenticationHeaderValue AriAuthorization => new(
        "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AriUsername}:{AriPassword}")));

    /// <summary>The ARI event WebSocket for <paramref name="application"/>.</summary>
    public Uri AriEventsUrl(string application = AriApplication, bool subscribeAll = true) =>
        new($"ws://127.0.0.1:{HttpPort}/ari/events?app={Uri.EscapeDataString(application)}&subscribeAll={(subscribeAll ? "true" : "false")}");

    /// <summary>File names (with extension) in the recording spool, oldest first.</summary>
    public IReadOnlyList<string> ListRecordings() => Directory.Exists(RecordingSpoolDirectory)
        ? [.. new DirectoryInfo(RecordingSpoolDirectory).EnumerateFiles().OrderBy(file => file.LastWriteTimeUtc).Select(file => file.Name)]
        : [];

    /// <summary>Runs one CLI command against the running instance (<c>asterisk -rx</c> inside the chroot) and returns its output.</summary>
    public Task<string> RunCliAsync(string command, CancellationToken cancellationToken = default) =>
        CommandRunner.RunAsync(
            "chroot",
            [_layout.RootFilesystem, AsteriskBinary, "-C", _layout.AsteriskConf, "-rx", command],
            cancellationToken);

    /// <summary>Unless <see cref="KeepInstanceDirectory"/>, deletes the instance folder once Asterisk has stopped.</summary>
    protected override ValueTask OnDisposedAsync()
    {
        if (!KeepInstanceDirectory && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    protected override TimeSpan StartTimeout => TimeSpan.FromSeconds(30);

    public override Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!UnixSignals.IsRoot)
        {
            throw new InvalidOperationException(
                "The local Asterisk runs chrooted with bind mounts of /proc and /dev, which needs root. Run as root (e.g. in the dev container or CI).");
        }

        AsteriskConfiguration.Write(_configurationSource, _layout, _settings);
        return Task.CompletedTask;
    }

    public override LocalProcessSpec CreateSpec() => new(
        Name,
        "unshare",
        [
            "--mount", "--propagation", "private", "--",
            "/bin/sh", "-c",
            "mount --bind /proc \"$0/proc\" && mount --bind /dev \"$0/dev\" && exec chroot \"$0\" \"$1\" -f -C \"$2\"",
            _layout.RootFilesystem, AsteriskBinary, _layout.AsteriskConf,
        ])
    {
        WorkingDirectory = _layout.HostDirectory,
        StopSignal = UnixSignals.SigTerm,
        StopTimeout = TimeSpan.FromSeconds(10),
    };

    public override async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(AriBaseUrl, "asterisk/info"));
        request.Headers.Authorization = AriAuthorization;
        using var response = await ProbeClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        // ARI answers while later modules (PJSIP, the dialplan) may still be loading; calls need them all.
        var booted = await RunCliAsync("core waitfullybooted", cancellationToken).ConfigureAwait(false);
        return booted.Contains("fully booted", StringComparison.OrdinalIgnoreCase);
    }

    public override string Describe() =>
        $"ARI {AriBaseUrl}, SIP udp 127.0.0.1:{SipPort}{(SimulatedProviderPort is { } provider ? $", simulated provider udp 127.0.0.1:{provider}" : "")}, instance {_layout.HostDirectory}";

    private static AsteriskInstanceLayout CreateLayout(string instanceName)
    {
        AsteriskInstanceLayout.Validate(instanceName);
        return new AsteriskInstanceLayout(Prerequisites.AsteriskRootFilesystem, instanceName);
    }
}
