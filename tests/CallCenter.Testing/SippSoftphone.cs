using System.Globalization;
using CallCenter.LocalServers;

namespace CallCenter.Testing;

/// <summary>
/// A registered agent softphone played by sipp: it registers its extension with the agent's password (digest
/// authentication), answers the qualify OPTIONS (-aa), and answers every call to it after ringing a moment,
/// echoing the caller's audio; it hangs up itself after a while or waits for the other side. It answers any number of
/// calls at once (each INVITE runs its own out-of-call scenario). Stopped on dispose (its registration then simply
/// expires; the next phone for the extension removes it first).
/// </summary>
public sealed class SippSoftphone : IAsyncDisposable
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);
    private readonly LocalProcess _process;

    private SippSoftphone(string extension, LocalProcess process)
    {
        Extension = extension;
        _process = process;
    }

    public string Extension { get; }

    public bool IsRunning => !_process.HasExited;

    /// <summary>The sipp process, e.g. to read its CPU time.</summary>
    public int ProcessId => _process.Id;

    public string Tail() => _process.Tail();

    /// <param name="sipPort">Asterisk's SIP port (127.0.0.1).</param>
    /// <param name="extension">The agent extension, also the digest user.</param>
    /// <param name="password">The agent's generated password.</param>
    /// <param name="ringFor">How long a call rings before the phone answers.</param>
    /// <param name="hangUpAfter">Talk this long after answering, then hang up; null waits for the other side's BYE.</param>
    /// <param name="lifetime">How long the phone stays registered and answering (default 5 min; at most 2 h, Asterisk's longest registration).</param>
    /// <param name="niceness">Run sipp under nice with this value (a load generator yielding to the system under test).</param>
    public static SippSoftphone Start(
        int sipPort, string extension, string password, TimeSpan ringFor, TimeSpan? hangUpAfter = null, TimeSpan? lifetime = null, int? niceness = null)
    {
        var folder = TestRun.NewDirectory($"sipp-phone-{extension}");
        File.CreateSymbolicLink(Path.Combine(folder, "pcap"), "/usr/share/sip-tester");
        var register = Path.Combine(folder, "register.xml");
        var answer = Path.Combine(folder, "answer.xml");
        File.WriteAllText(register, SippSoftphoneScenarios.RegisterAndWait(extension, lifetime ?? DefaultLifetime));
        File.WriteAllText(answer, SippSoftphoneScenarios.Answer(extension, ringFor, hangUpAfter));
        var process = LocalProcess.Start(
            SippProcessSpec.Create(
                $"sipp-phone-{extension}",
                [
                    "-sf", register,
                    // Calls to the phone arrive with Call-IDs of their own: sipp runs them as out-of-call scenarios.
                    "-oocsf", answer,
                    .. AgentArguments(sipPort, extension, password),
                    "-mp", SippProcessSpec.MediaPort(),
                    "-rtp_echo",
                    "-aa",
                    "-m", "1",
                    "-nostdin",
                    "-f", "5",
                ],
                folder,
                niceness) with
            {
                StopSignal = UnixSignals.SigTerm,
                StopTimeout = TimeSpan.FromSeconds(3),
            },
            TestRun.Log);
        return new SippSoftphone(extension, process);
    }

    /// <summary>
    /// Starts a softphone (see <see cref="Start"/>) and waits until ARI (<paramref name="ari"/>: base address /ari/ with
    /// credentials) shows the endpoint online, i.e. registered; throws with the phone's output if it is not within 30 s.
    /// </summary>
    /// <remarks>
    /// An earlier phone of the extension that was stopped stays registered (and "online") until its registration expires
    /// or a qualify fails, so "online" alone could be that stale contact, and a call placed then rings a dead port. Every
    /// contact of the extension is removed first and the endpoint seen offline, so "online" is this phone.
    /// </remarks>
    public static async Task<SippSoftphone> RegisterAsync(
        HttpClient ari, int sipPort, string extension, string password, TimeSpan ringFor, TimeSpan? hangUpAfter = null,
        TimeSpan? lifetime = null, int? niceness = null, CancellationToken cancellationToken = default)
    {
        await UnregisterAsync(sipPort, extension, password, cancellationToken);
        var offline = await WaitForStateAsync(ari, extension, online: false, DateTime.UtcNow + TimeSpan.FromSeconds(30), () => true, cancellationToken);
        if (offline is not null)
        {
            throw new InvalidOperationException($"Endpoint {extension} stayed online after its contacts were removed (ARI: {offline}).");
        }

        var phone = Start(sipPort, extension, password, ringFor, hangUpAfter, lifetime, niceness);
        var notOnline = await WaitForStateAsync(ari, extension, online: true, DateTime.UtcNow + TimeSpan.FromSeconds(30), () => phone.IsRunning, cancellationToken);
        if (notOnline is null)
        {
            return phone;
        }

        var tail = phone.Tail();
        await phone.DisposeAsync();
        throw new InvalidOperationException($"Softphone {extension} did not register (ARI: {notOnline}).\n{tail}");
    }

    /// <summary>Polls ARI until the endpoint is (or is not) online; returns null then, or ARI's last answer when it gives up.</summary>
    private static async Task<string?> WaitForStateAsync(
        HttpClient ari, string extension, bool online, DateTime deadline, Func<bool> keepTrying, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var response = await ari.GetAsync($"endpoints/PJSIP/{extension}", cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var isOnline = response.IsSuccessStatusCode
                && System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("state").GetString() == "online";
            if (response.IsSuccessStatusCode && isOnline == online)
            {
                return null;
            }

            if (!keepTrying() || DateTime.UtcNow > deadline)
            {
                return body;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>
    /// Unregisters every phone of <paramref name="extension"/> (REGISTER, Contact: *, Expires: 0, with the agent's
    /// credentials) and returns once Asterisk has answered 200; throws with sipp's output otherwise.
    /// </summary>
    public static async Task UnregisterAsync(int sipPort, string extension, string password, CancellationToken cancellationToken = default)
    {
        var folder = TestRun.NewDirectory($"sipp-unregister-{extension}");
        var scenario = Path.Combine(folder, "unregister.xml");
        await File.WriteAllTextAsync(scenario, SippSoftphoneScenarios.Unregister(extension), cancellationToken);
        await using var process = LocalProcess.Start(
            new LocalProcessSpec(
                $"sipp-unregister-{extension}",
                Prerequisites.Sipp,
                [
                    "-sf", scenario,
                    .. AgentArguments(sipPort, extension, password),
                    "-m", "1",
                    "-timeout", "20s",
                    "-timeout_error",
                    "-nostdin",
                ])
            {
                WorkingDirectory = folder,
                StopTimeout = TimeSpan.FromSeconds(3),
            },
            TestRun.Log);
        var exitCode = await process.Exited.WaitAsync(TimeSpan.FromSeconds(40), cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Unregistering {extension} failed (sipp exit code {exitCode}).\n{process.Tail()}");
        }
    }

    /// <summary>sipp as agent <paramref name="extension"/> (its digest credentials) talking to Asterisk, from a free local port.</summary>
    private static string[] AgentArguments(int sipPort, string extension, string password) =>
    [
        "-s", extension,
        "-au", extension,
        "-ap", password,
        $"127.0.0.1:{sipPort.ToString(CultureInfo.InvariantCulture)}",
        "-i", "127.0.0.1",
        "-p", PortAllocator.GetFreePort(alsoUdp: true).ToString(CultureInfo.InvariantCulture),
    ];

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
