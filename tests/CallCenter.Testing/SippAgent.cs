using System.Globalization;
using CallCenter.LocalServers;

namespace CallCenter.Testing;

/// <summary>
/// A sipp UAS playing an agent that answers every call sent to its port (dialplan number 2001 rings it through
/// the test agent address the Asterisk fixture configured) and echoes the caller's audio. Stopped on dispose.
/// </summary>
public sealed class SippAgent : IAsyncDisposable
{
    private readonly LocalProcess _process;
    private readonly string _statistics;

    private SippAgent(int port, LocalProcess process, string statistics)
    {
        Port = port;
        _process = process;
        _statistics = statistics;
    }

    public int Port { get; }

    public string Uri => $"sip:agent@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public bool IsRunning => !_process.HasExited;

    /// <summary>Counters so far (sipp rewrites them every second and when it stops).</summary>
    public SippStatistics Statistics => SippStatistics.Read(_statistics);

    public static SippAgent Start(int port, Action<string, string>? output = null) => Start(port, ["-sn", "uas"], output);

    /// <summary>An agent that answers, talks for <paramref name="talkBeforeTransfer"/>, then blind-transfers the caller to <paramref name="referTo"/> (SIP REFER).</summary>
    public static SippAgent StartTransferring(int port, string referTo, TimeSpan talkBeforeTransfer, Action<string, string>? output = null)
    {
        var scenario = Path.Combine(TestRun.NewDirectory("sipp-agent-scenario"), "transferring-agent.xml");
        File.WriteAllText(scenario, SippTransferringAgentScenario.Xml(referTo, talkBeforeTransfer));
        return Start(port, ["-sf", scenario], output);
    }

    /// <summary>An agent whose phone rings for <paramref name="ringFor"/> before it answers; it talks until hung up.</summary>
    public static SippAgent StartAnsweringAfter(int port, TimeSpan ringFor, Action<string, string>? output = null)
    {
        var scenario = Path.Combine(TestRun.NewDirectory("sipp-agent-scenario"), "ringing-agent.xml");
        File.WriteAllText(scenario, SippRingingAgentScenario.Xml(ringFor));
        return Start(port, ["-sf", scenario], output);
    }

    private static SippAgent Start(int port, string[] scenario, Action<string, string>? output)
    {
        var folder = TestRun.NewDirectory("sipp-agent");
        var statistics = Path.Combine(folder, "statistics.csv");
        var process = LocalProcess.Start(
            new LocalProcessSpec(
                "sipp-agent",
                Prerequisites.Sipp,
                [
                    .. scenario,
                    "-i", "127.0.0.1",
                    "-p", port.ToString(CultureInfo.InvariantCulture),
                    "-mp", SippProcessSpec.MediaPort(),
                    "-rtp_echo",
                    "-nostdin",
                    "-f", "5",
                    "-trace_stat", "-stf", statistics, "-fd", "1",
                ])
            {
                WorkingDirectory = folder,
                StopSignal = UnixSignals.SigTerm,
                StopTimeout = TimeSpan.FromSeconds(3),
            },
            output ?? TestRun.Log);
        return new SippAgent(port, process, statistics);
    }

    /// <summary>Waits until the agent has completed <paramref name="calls"/> calls (or the timeout passes) and returns its counters.</summary>
    public async Task<SippStatistics> WaitForCompletedCallsAsync(int calls, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var statistics = Statistics;
            if (statistics.Successful + statistics.Failed >= calls || DateTime.UtcNow >= deadline || _process.HasExited)
            {
                return statistics;
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
