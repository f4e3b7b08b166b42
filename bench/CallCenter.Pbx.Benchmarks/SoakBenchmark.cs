using System.Globalization;
using CallCenter.Testing;
using CallCenter.Testing.Measurement;
using CallCenter.Testing.Pbx;

namespace CallCenter.Pbx.Benchmarks;

/// <summary>
/// Benchmark 2: the soak (<see cref="SoakRun"/>) through the whole stack at a given rate (80% of the capacity benchmark's
/// (b) figure), ten minutes by default, reported as one table: nothing lost, stream lag, memory, subscription.
/// </summary>
internal static class SoakBenchmark
{
    private const double RssTolerance = 0.10;
    private static readonly string[] Services = ["ingestion", "worker", "API"];

    public static async Task<int> RunAsync(double rate, TimeSpan duration, int? niceness)
    {
        var startLoad = MachineInfo.Load();
        Console.WriteLine($"Soak {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {rate.ToString(CultureInfo.InvariantCulture)} calls/s for {duration.TotalMinutes:0.#} min; {Environment.ProcessorCount} cores, {MachineInfo.Describe()}; load average {startLoad}; sipp nice {niceness?.ToString(CultureInfo.InvariantCulture) ?? "off"}; servers' output in {TestRun.LogPath}");
        await using var stack = await CallCenterStack.StartAsync(TestRun.Log, durable: true);
        var report = await SoakRun.RunAsync(stack, new SoakOptions(rate, duration) { Niceness = niceness });
        var noLoss = report.NoLoss;
        var lagP99 = Quantile.Of(report.StreamLagMilliseconds, 0.99);
        var lagMax = report.StreamLagMilliseconds.DefaultIfEmpty(0).Max();
        // The highest lag in each tenth of the run (samples are a second apart): flat or growing at the end.
        var tenth = Math.Max(1, (int)Math.Ceiling(report.StreamLagMilliseconds.Count / 10.0));
        var lagTrend = string.Join(", ", report.StreamLagMilliseconds.Chunk(tenth).Select(chunk => (chunk.Max() / 1000).ToString("0.0", CultureInfo.InvariantCulture)));
        var queryP99 = Quantile.Of(report.QueryMilliseconds, 0.99);
        var early = report.EarlyRssAt.TotalMinutes;
        var memory = string.Join("; ", report.FinalRssMegabytes.Keys.Order().Select(name =>
        {
            var before = report.EarlyRssMegabytes[name];
            var after = report.FinalRssMegabytes[name];
            return string.Create(CultureInfo.InvariantCulture, $"{name} {before:0} → {after:0} MB ({(after - before) / before * 100:+0;-0;+0}%)");
        }));
        var servicesFlat = Services.All(name => Math.Abs(report.FinalRssMegabytes[name] - report.EarlyRssMegabytes[name]) <= RssTolerance * report.EarlyRssMegabytes[name]);

        Console.WriteLine();
        Console.WriteLine("| check | result | target | met |");
        Console.WriteLine("| --- | --- | --- | --- |");
        Row("calls placed by sipp", $"{noLoss.Placed} at {rate} calls/s over {duration.TotalMinutes:0.#} min; {noLoss.SippSuccessful} successful, {noLoss.SippFailed} failed; setup p99 {Quantile.Of(report.Sipp.ResponseTimes, 0.99):0} ms", "no failed call", report.Sipp.AllSucceeded);
        Row("in the log exactly once, right outcome", $"{noLoss.LoggedOnce - noLoss.WrongOutcome} (missing {noLoss.Missing}, duplicated {noLoss.Duplicated}, wrong outcome {noLoss.WrongOutcome}, not placed {noLoss.Unexpected})", "every placed call, COMPLETED by agent 1001", noLoss.LoggedOnce == noLoss.Placed && noLoss.WrongOutcome == 0 && noLoss.Unexpected == 0);
        Row("recordings uploaded and verified", $"{noLoss.RecordingsVerified} of {noLoss.RecordingsExpected} answered calls (blob size and SHA-256 match the log)", "all", noLoss.RecordingsVerified == noLoss.RecordingsExpected);
        Row("Asterisk's recording spool at the end", $"{noLoss.SpoolFilesLeft} files{(report.NotSettled is null ? "" : $"; not settled: {report.NotSettled}")}", "empty", noLoss.SpoolFilesLeft == 0 && report.NotSettled is null);
        Row("stream lag (oldest uncommitted entry, sampled every second)", $"p99 {lagP99:0} ms, max {lagMax:0} ms over {report.StreamLagMilliseconds.Count} samples", "bounded", null);
        Row("stream lag, highest in each tenth of the run", $"{lagTrend} s", "not growing", null);
        Row($"RSS at minute {early:0.#} → minute {duration.TotalMinutes:0.#}", memory, "services within ±10%", servicesFlat);
        Row("callUpdated subscriber saw every call's final state", $"{noLoss.SubscriberSawFinal} of {noLoss.LoggedOnce}; out of order {noLoss.SubscriberOutOfOrder}; {(noLoss.SubscriberEnded is null ? "connected throughout" : "ended: " + noLoss.SubscriberEnded)}", "all", noLoss.SubscriberSawFinal == noLoss.LoggedOnce && noLoss.SubscriberOutOfOrder == 0 && noLoss.SubscriberEnded is null);
        Row("calls query once a second", $"{report.QueryMilliseconds.Count} answered, p99 {queryP99:0} ms; {report.QueryFailures.Count} failed", "none failed", report.QueryFailures.Count == 0);
        Console.WriteLine();
        Console.WriteLine($"Load average {startLoad} at the start, {MachineInfo.Load()} at the end.");
        if (!noLoss.NothingLost)
        {
            Console.WriteLine("Problems:\n" + string.Join("\n", noLoss.Problems));
        }

        foreach (var failure in report.QueryFailures.Take(5))
        {
            Console.WriteLine($"query failure: {failure}");
        }

        return noLoss.NothingLost ? 0 : 1;
    }

    private static void Row(string check, string result, string target, bool? met) =>
        Console.WriteLine($"| {check} | {result} | {target} | {met switch { true => "yes", false => "**no**", null => "—" }} |");
}
