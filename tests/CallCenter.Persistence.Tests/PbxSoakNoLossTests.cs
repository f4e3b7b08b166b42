using CallCenter.Testing;
using CallCenter.Testing.Pbx;

namespace CallCenter.Persistence.Tests;

/// <summary>
/// The no-loss part of the PBX soak benchmark (bench/CallCenter.Pbx.Benchmarks, <c>soak</c>) in short: the same
/// <see cref="SoakRun"/> through the whole stack (Asterisk, PostgreSQL, Redis, Azurite; the worker, the API and the
/// ingestion service as their own processes) for 30 s of main-line calls answered by a registered agent, with a live
/// callUpdated subscriber and a calls query every second. No timing figure is asserted; the benchmark reports those.
/// </summary>
public sealed class PbxSoakNoLossTests
{
    private const double Rate = 2;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Thirty_seconds_of_main_line_calls_through_the_whole_stack_are_all_logged_recorded_and_seen_live()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var stack = await CallCenterStack.StartAsync(TestRun.Log, durable: false, cancellationToken: cancel);

        var report = await SoakRun.RunAsync(stack, new SoakOptions(Rate, Duration), cancel);

        var placed = (int)(Rate * Duration.TotalSeconds);
        var noLoss = report.NoLoss;
        Assert.True(noLoss.NothingLost, noLoss.ToString());
        Assert.Equal(placed, noLoss.Placed);
        Assert.Equal(placed, noLoss.LoggedOnce);
        Assert.Equal(placed, noLoss.RecordingsVerified);
        Assert.Equal(placed, noLoss.SubscriberSawFinal);
        Assert.Null(report.NotSettled);
        Assert.Empty(report.QueryFailures);
        Assert.NotEmpty(report.QueryMilliseconds);
    }
}
