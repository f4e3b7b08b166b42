using System.Diagnostics;
using CallCenter.Testing.Measurement;
using StackExchange.Redis;

namespace CallCenter.Testing.Pbx;

/// <summary>How long and how hard a <see cref="SoakRun"/> loads the stack.</summary>
public sealed record SoakOptions(double Rate, TimeSpan Duration)
{
    /// <summary>nice value for sipp (the callers and the agent's softphone); null runs them at normal priority.</summary>
    public int? Niceness { get; init; } = 10;

    /// <summary>The caller numbers' prefix (all calls of the run: prefix + sipp's call number).</summary>
    public string CallerPrefix { get; init; } = "9989700";

    /// <summary>How long the stack may take after the last call to commit everything and empty the spool.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(3);
}

/// <summary>What a soak run measured: the no-loss comparison and the figures over time.</summary>
public sealed record SoakReport(
    NoLossReport NoLoss,
    SippCallResult Sipp,
    IReadOnlyList<double> StreamLagMilliseconds,
    IReadOnlyList<double> QueryMilliseconds,
    IReadOnlyList<string> QueryFailures,
    IReadOnlyDictionary<string, double> EarlyRssMegabytes,
    IReadOnlyDictionary<string, double> FinalRssMegabytes,
    TimeSpan EarlyRssAt,
    string? NotSettled);

/// <summary>
/// Sustained main-line calls through the whole stack (<see cref="MainLineLoad"/>) with a live <c>callUpdated</c>
/// subscriber, one <c>calls</c> query per second and the stream lag sampled every second; each process's RSS is read at
/// a fifth of the run and at its end; then, once the stack has settled, everything is compared with what sipp placed
/// (<see cref="NoLossCheck"/>). The benchmark runs it for ten minutes near the PBX's limit, the test suite for 30 s at a
/// low rate.
/// </summary>
public static class SoakRun
{
    public static async Task<SoakReport> RunAsync(CallCenterStack stack, SoakOptions options, CancellationToken cancellationToken = default)
    {
        await using var load = await MainLineLoad.RegisterAgentAsync(stack, options.Duration + options.SettleTimeout + TimeSpan.FromMinutes(5), options.Niceness, cancellationToken).ConfigureAwait(false);
        await using var subscriber = await CallUpdatesSubscriber.StartAsync(stack.GraphQLUrl, stack.Token.Supervisor(), cancellationToken).ConfigureAwait(false);
        await using var queries = CallsQueryLoop.Start(stack.GraphQLUrl, stack.Token.Supervisor());
        using var redis = await ConnectionMultiplexer.ConnectAsync(stack.Redis.ConnectionString).ConfigureAwait(false);
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lag = new List<double>();
        var lagSampling = SampleLagAsync(new StreamLag(redis.GetDatabase()), lag, sampling.Token);

        var earlyAt = options.Duration / 5;
        var clock = Stopwatch.StartNew();
        var calls = (int)Math.Round(options.Rate * options.Duration.TotalSeconds);
        var placing = load.PlaceCallsAsync(options.Rate, calls, options.CallerPrefix, cancellationToken);
        await Task.Delay(earlyAt, cancellationToken).ConfigureAwait(false);
        var early = Rss(stack);
        var untilEnd = options.Duration - clock.Elapsed;
        if (untilEnd > TimeSpan.Zero)
        {
            await Task.Delay(untilEnd, cancellationToken).ConfigureAwait(false);
        }

        var final = Rss(stack);
        var sipp = await placing.ConfigureAwait(false);
        var notSettled = await StackSettling.WaitAsync(stack, captured: true, options.SettleTimeout, cancellationToken).ConfigureAwait(false);
        // The last commits' notices are on their way to the subscriber.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
        await sampling.CancelAsync().ConfigureAwait(false);
        await lagSampling.ConfigureAwait(false);

        var noLoss = await NoLossCheck.RunAsync(stack, options.CallerPrefix, sipp, subscriber, cancellationToken).ConfigureAwait(false);
        return new SoakReport(noLoss, sipp, lag, queries.Milliseconds, queries.Failures, early, final, earlyAt, notSettled);
    }

    private static Dictionary<string, double> Rss(CallCenterStack stack) =>
        stack.ProcessIds().ToDictionary(process => process.Key, process => ProcessSampler.RssMegabytes(process.Value));

    private static async Task SampleLagAsync(StreamLag lag, List<double> samples, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                samples.Add((await lag.MeasureAsync().ConfigureAwait(false)).TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
