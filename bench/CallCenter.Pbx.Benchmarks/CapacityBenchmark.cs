using System.Diagnostics;
using System.Globalization;
using CallCenter.Testing;
using CallCenter.Testing.Measurement;
using CallCenter.Testing.Pbx;
using Npgsql;

namespace CallCenter.Pbx.Benchmarks;

/// <summary>
/// Benchmark 1: the highest main-line call rate Asterisk sustains (a) with no ARI application connected (the dialplan's
/// Stasis() fails at once and routes the call itself) and (b) with the whole stack capturing every call, on the same
/// Asterisk with the same sipp load in one run. The worker, the API and the servers run in both; only the ingestion
/// service (the ARI application) is stopped for (a). Each mode steps the rate up until a rate is not sustained.
/// </summary>
internal static class CapacityBenchmark
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(IReadOnlyList<double> rates, TimeSpan stepDuration, int? niceness)
    {
        Console.WriteLine($"Capacity benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores, {MachineInfo.Describe()}; load average {MachineInfo.Load()}; sipp nice {niceness?.ToString(CultureInfo.InvariantCulture) ?? "off"}; servers' output in {TestRun.LogPath}");
        await using var stack = await CallCenterStack.StartAsync(TestRun.Log, durable: true, withIngestion: false);
        await using var load = await MainLineLoad.RegisterAgentAsync(stack, TimeSpan.FromMinutes(115), niceness);

        Console.WriteLine("(a) no ARI application connected: warming up, then stepping the rate");
        await WarmUpAsync(stack, load, captured: false);
        var without = await StepUpAsync(stack, load, captured: false, rates, stepDuration);

        Console.WriteLine("(b) the ingestion service connected, the whole stack capturing: warming up, then stepping the rate");
        await stack.StartIngestionAsync();
        await WarmUpAsync(stack, load, captured: true);
        var with = await StepUpAsync(stack, load, captured: true, rates, stepDuration);

        Console.WriteLine();
        Console.WriteLine(CapacityStep.Header);
        foreach (var step in without.Concat(with))
        {
            Console.WriteLine(step.Row());
        }

        var capacityWithout = without.Where(s => s.Sustained).Select(s => s.Rate).DefaultIfEmpty(0).Max();
        var capacityWith = with.Where(s => s.Sustained).Select(s => s.Rate).DefaultIfEmpty(0).Max();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Highest sustained rate: (a) without CallCenter {capacityWithout:0.#} calls/s, (b) with CallCenter {capacityWith:0.#} calls/s; (b)/(a) = {(capacityWithout > 0 ? capacityWith / capacityWithout : double.NaN):0.00} (rates stepped: {string.Join(", ", rates)}; {stepDuration.TotalSeconds:0} s of calls per step). Load average at the end {MachineInfo.Load()}."));
        return 0;
    }

    private static async Task<List<CapacityStep>> StepUpAsync(CallCenterStack stack, MainLineLoad load, bool captured, IReadOnlyList<double> rates, TimeSpan stepDuration)
    {
        var steps = new List<CapacityStep>();
        foreach (var rate in rates)
        {
            var step = await StepAsync(stack, load, captured, rate, (int)Math.Round(rate * stepDuration.TotalSeconds), $"99{(captured ? 2 : 1)}{steps.Count:D2}0");
            Console.WriteLine(step.Row());
            steps.Add(step);
            if (!step.Sustained)
            {
                break;
            }
        }

        return steps;
    }

    private static async Task<CapacityStep> StepAsync(CallCenterStack stack, MainLineLoad load, bool captured, double rate, int calls, string callerPrefix)
    {
        var processes = stack.ProcessIds();
        var bench = Process.GetCurrentProcess();
        var benchBefore = bench.TotalProcessorTime;
        var before = ComponentCpu.Read(processes, load.PhoneCpuSeconds);
        var clock = Stopwatch.StartNew();
        var sipp = await load.PlaceCallsAsync(rate, calls, callerPrefix);
        var notSettled = await StackSettling.WaitAsync(stack, captured, SettleTimeout);
        var elapsed = clock.Elapsed;
        var cpu = ComponentCpu.Read(processes, load.PhoneCpuSeconds) - before;
        bench.Refresh();
        var benchCpu = (bench.TotalProcessorTime - benchBefore).TotalSeconds;
        int? logged = captured ? await CountLoggedAsync(stack, callerPrefix) : null;
        if (!captured)
        {
            ClearSpool(stack);
        }

        return new CapacityStep(captured, rate, sipp, cpu, benchCpu, elapsed, logged, notSettled);
    }

    /// <summary>A few calls to load code paths and caches (JIT, connection pools, Asterisk's first channels), not measured.</summary>
    private static async Task WarmUpAsync(CallCenterStack stack, MainLineLoad load, bool captured)
    {
        var warmUp = await load.PlaceCallsAsync(2, 20, $"99{(captured ? 2 : 1)}990");
        if (!warmUp.AllSucceeded)
        {
            throw new InvalidOperationException($"The warm-up calls failed: {warmUp}\n--- agent's phone ---\n{load.PhoneTail()}");
        }

        if (await StackSettling.WaitAsync(stack, captured, SettleTimeout) is { } outstanding)
        {
            throw new InvalidOperationException($"The stack did not settle after the warm-up: {outstanding}");
        }

        if (!captured)
        {
            ClearSpool(stack);
        }
    }

    // Without the worker nothing takes the recordings away; the next step starts from an empty spool, as with CallCenter.
    private static void ClearSpool(CallCenterStack stack)
    {
        foreach (var file in Directory.EnumerateFiles(stack.Asterisk.RecordingSpoolDirectory))
        {
            File.Delete(file);
        }
    }

    private static async Task<int> CountLoggedAsync(CallCenterStack stack, string callerPrefix)
    {
        await using var connection = new NpgsqlConnection(stack.Database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM calls WHERE caller_number LIKE $1", connection);
        count.Parameters.Add(new NpgsqlParameter { Value = callerPrefix + "%" });
        return (int)(long)(await count.ExecuteScalarAsync())!;
    }
}
