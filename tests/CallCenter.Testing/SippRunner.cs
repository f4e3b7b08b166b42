using System.Diagnostics;
using System.Globalization;
using CallCenter.LocalServers;

namespace CallCenter.Testing;

/// <summary>
/// Places calls with sipp towards a SIP target (the local Asterisk's UDP port) and reports how many completed
/// their scenario. Every run has its own folder (with the `pcap` link uac_pcap needs), its own ports, a hard
/// time bound, and its process is gone when the call returns.
/// </summary>
public sealed class SippRunner(string host, int port, Action<string, string> output)
{
    private const string SippAudioFolder = "/usr/share/sip-tester";

    public SippRunner(int port)
        : this("127.0.0.1", port, TestRun.Log)
    {
    }

    public string Target => $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";

    public async Task<SippCallResult> PlaceCallsAsync(SippCallOptions options, CancellationToken cancellationToken = default)
    {
        var folder = TestRun.NewDirectory("sipp");
        File.CreateSymbolicLink(Path.Combine(folder, "pcap"), SippAudioFolder);
        var statistics = Path.Combine(folder, "statistics.csv");
        var errors = Path.Combine(folder, "errors.log");

        List<string> arguments = [.. await ScenarioArgumentsAsync(options, folder, cancellationToken).ConfigureAwait(false)];
        arguments.AddRange(
        [
            "-s", options.Number,
            Target,
            "-i", "127.0.0.1",
            "-p", PortAllocator.GetFreePort(alsoUdp: true).ToString(CultureInfo.InvariantCulture),
            // Parallel runs would all answer media on sipp's default 6000.
            "-mp", SippProcessSpec.MediaPort(),
            "-m", options.Calls.ToString(CultureInfo.InvariantCulture),
            "-r", options.Rate.ToString(CultureInfo.InvariantCulture),
            "-timeout", $"{Math.Ceiling(options.Timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s",
            "-timeout_error",
            "-nostdin",
            // The screen is printed to stdout; every 5 s is enough for the log.
            "-f", "5",
            "-trace_stat", "-stf", statistics, "-fd", "1",
            "-trace_err", "-error_file", errors,
        ]);
        if (options.RecordResponseTimes)
        {
            // Written in the run folder as <scenario>_<pid>_rtt.csv; every call's value as it comes, so none is held back at exit.
            arguments.AddRange(["-trace_rtt", "-rtt_freq", "1"]);
        }

        var name = $"sipp-{options.Number}";
        var stopwatch = Stopwatch.StartNew();
        await using var process = LocalProcess.Start(
            SippProcessSpec.Create(name, arguments, folder, options.Niceness) with { StopTimeout = TimeSpan.FromSeconds(3) },
            output);

        int exitCode;
        var cpuSeconds = 0.0;
        using (var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var cpu = WatchCpuAsync(process.Id, seconds => cpuSeconds = seconds, watching.Token);
            try
            {
                exitCode = await process.Exited.WaitAsync(options.Timeout + TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                process.Kill();
                exitCode = -1;
            }

            await watching.CancelAsync().ConfigureAwait(false);
            await cpu.ConfigureAwait(false);
        }

        var counters = SippStatistics.Read(statistics);
        var tail = process.Tail();
        if (File.Exists(errors))
        {
            var errorText = await File.ReadAllTextAsync(errors, cancellationToken).ConfigureAwait(false);
            tail += "\n--- sipp errors ---\n" + (errorText.Length > 4000 ? errorText[^4000..] : errorText);
        }

        return new SippCallResult(exitCode, counters.Successful, counters.Failed, options.Calls, stopwatch.Elapsed, tail)
        {
            ResponseTimes = options.RecordResponseTimes ? SippResponseTimes.Read(folder) : [],
            CpuSeconds = cpuSeconds,
        };
    }

    // A process's CPU time can only be read while it exists, so it is read every 250 ms and the last value kept.
    private static async Task WatchCpuAsync(int pid, Action<double> report, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (Measurement.ProcStat.Read(pid) is { } stat)
            {
                report(stat.CpuSeconds);
            }

            try
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<string[]> ScenarioArgumentsAsync(SippCallOptions options, string folder, CancellationToken cancellationToken)
    {
        var caller = options.CallerNumber ?? "sipp";
        if (options.Agent is { } agent)
        {
            var agentXml = options.Scenario switch
            {
                SippScenario.AudioCall => SippSoftphoneScenarios.CallAndTalk(agent.Extension, options.TalkTime),
                SippScenario.ExpectFinalResponse => SippSoftphoneScenarios.CallExpecting(agent.Extension, options.ExpectedStatus),
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.Scenario, "Not a scenario an agent's softphone plays."),
            };
            var agentFile = Path.Combine(folder, "scenario.xml");
            await File.WriteAllTextAsync(agentFile, agentXml, cancellationToken).ConfigureAwait(false);
            return ["-sf", agentFile, "-au", agent.Extension, "-ap", agent.Password, "-aa"];
        }

        string? xml = options.Scenario switch
        {
            SippScenario.AudioCall when options.CallerNumber is null => null,
            SippScenario.AudioCall => SippScenarios.WithCaller(await DumpBuiltInAsync("uac_pcap", cancellationToken).ConfigureAwait(false), caller),
            SippScenario.HangUpWhileRinging => SippScenarios.HangUpWhileRinging(caller, options.RingSeconds),
            SippScenario.ExpectFinalResponse => SippScenarios.ExpectFinalResponse(caller, options.ExpectedStatus),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Scenario, "Unknown sipp scenario."),
        };
        if (xml is null)
        {
            return ["-sn", "uac_pcap"];
        }

        var file = Path.Combine(folder, "scenario.xml");
        await File.WriteAllTextAsync(file, xml, cancellationToken).ConfigureAwait(false);
        return ["-sf", file];
    }

    private static async Task<string> DumpBuiltInAsync(string scenario, CancellationToken cancellationToken)
    {
        // `sipp -sd` prints the scenario and exits with 99 ("no calls processed"), so not CommandRunner.
        var startInfo = new ProcessStartInfo(Prerequisites.Sipp) { RedirectStandardOutput = true, UseShellExecute = false };
        startInfo.ArgumentList.Add("-sd");
        startInfo.ArgumentList.Add(scenario);
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start sipp.");
        var xml = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return xml.Contains("<scenario", StringComparison.Ordinal)
            ? xml
            : throw new InvalidOperationException($"sipp -sd {scenario} printed no scenario.");
    }
}
