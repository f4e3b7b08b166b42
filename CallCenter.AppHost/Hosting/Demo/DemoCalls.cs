using System.Globalization;
using CallCenter.AppHost.Hosting.Output;
using CallCenter.AppHost.Hosting.Resources;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Hosting.Demo;

/// <summary>
/// --demo: customers calling the local Asterisk through the trunk, one new call every few seconds: most
/// answered (by the echo "agent" 2000 or the sipp test agent 2001) with real audio and a recording, some
/// missed (2002), some busy (2003), now and then a failure (2004). Each call is a sipp process; a
/// long-lived sipp UAS plays the answering test agent.
/// </summary>
internal sealed class DemoCalls(AsteriskResource asterisk, string workingDirectory, ConsoleOutput output) : IAsyncDisposable
{
    private const string Source = "demo";

    private static readonly (string Number, string Scenario, string Outcome, int Weight)[] Mix =
    [
        ("2000", "answered.xml", "answered", 35),
        ("2001", "answered.xml", "answered by the test agent", 25),
        ("2002", "unanswered.xml", "missed", 20),
        ("2003", "unanswered.xml", "busy", 15),
        ("2004", "unanswered.xml", "failed", 5),
    ];

    private static readonly string[] Names =
    [
        "Aziz Karimov", "Dilnoza Yusupova", "Jasur Tursunov", "Malika Rahimova", "Bekzod Aliyev",
        "Nodira Saidova", "Sardor Umarov", "Gulnora Ismoilova", "Timur Nazarov", "Kamola Ergasheva",
    ];

    private readonly CancellationTokenSource _stop = new();
    private readonly List<LocalProcess> _calls = [];
    private readonly Lock _gate = new();
    private LocalProcess? _testAgent;
    private Task? _loop;

    public static string ScenarioDirectory => Path.Combine(AppContext.BaseDirectory, "Demo");

    public void Start()
    {
        Directory.CreateDirectory(workingDirectory);
        if (asterisk.TestAgentPort is { } agentPort)
        {
            _testAgent = LocalProcess.Start(
                new LocalProcessSpec("demo-agent", Prerequisites.Sipp, ["-sn", "uas", "-i", "127.0.0.1", "-p", agentPort.ToString(CultureInfo.InvariantCulture), "-nostdin"])
                {
                    WorkingDirectory = workingDirectory,
                },
                static (_, _) => { });
        }

        output.Log(Source, $"placing demo calls into SIP 127.0.0.1:{asterisk.SipPort} every 5-12 s (answered, missed, busy); Ctrl+C stops");
        _loop = RunAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        List<LocalProcess> calls;
        lock (_gate)
        {
            calls = [.. _calls];
        }

        await Task.WhenAll(calls.Select(call => call.StopAsync())).ConfigureAwait(false);
        if (_testAgent is not null)
        {
            await _testAgent.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var random = new Random();
        var calls = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                calls.Add(PlaceCallAsync(random, cancellationToken));
                calls.RemoveAll(call => call.IsCompleted);
                await Task.Delay(TimeSpan.FromSeconds(random.Next(5, 13)), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(calls).ConfigureAwait(false);
    }

    private async Task PlaceCallAsync(Random random, CancellationToken cancellationToken)
    {
        var pick = random.Next(Mix.Sum(entry => entry.Weight));
        var choice = Mix.First(entry => (pick -= entry.Weight) < 0);
        var caller = $"+99890{random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture)}";
        var name = Names[random.Next(Names.Length)];
        var talkMilliseconds = random.Next(2_000, 20_000);
        var sipPort = PortAllocator.GetFreePort(alsoUdp: true);
        var mediaPort = PortAllocator.GetFreePort(alsoUdp: true);
        var spec = new LocalProcessSpec(
            Source,
            Prerequisites.Sipp,
            [
                "-sf", Path.Combine(ScenarioDirectory, choice.Scenario),
                "-s", choice.Number,
                $"127.0.0.1:{asterisk.SipPort.ToString(CultureInfo.InvariantCulture)}",
                "-i", "127.0.0.1",
                "-p", sipPort.ToString(CultureInfo.InvariantCulture),
                "-mp", mediaPort.ToString(CultureInfo.InvariantCulture),
                "-key", "caller", caller,
                "-key", "caller_name", name,
                "-d", talkMilliseconds.ToString(CultureInfo.InvariantCulture),
                "-m", "1",
                "-timeout", "90s",
                "-nostdin",
            ])
        {
            WorkingDirectory = workingDirectory,
        };

        output.Log(Source, $"{name} ({caller}) calls {choice.Number}: expect {choice.Outcome}");
        LocalProcess call;
        try
        {
            // sipp's statistics screens would drown the console: only the outcome is reported.
            call = LocalProcess.Start(spec, static (_, _) => { });
        }
        catch (Exception exception)
        {
            output.Log(Source, $"could not start sipp: {exception.Message}");
            return;
        }

        lock (_gate)
        {
            _calls.Add(call);
        }

        try
        {
            var exitCode = await call.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
            output.Log(Source, exitCode == 0
                ? $"{name} ({caller}) → {choice.Number}: {choice.Outcome}, call ended"
                : $"{name} ({caller}) → {choice.Number}: sipp reports the call did not go as scripted (exit code {exitCode})");
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate)
            {
                _calls.Remove(call);
            }
        }
    }
}
