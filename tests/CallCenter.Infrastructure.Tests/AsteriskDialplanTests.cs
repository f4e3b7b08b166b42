using CallCenter.Testing;

namespace CallCenter.Infrastructure.Tests;

/// <summary>
/// Each test number of the shipped dialplan produces its call outcome, seen from the caller (sipp). No ARI
/// application is connected here, which also proves calls proceed when CallCenter's ingestion is down.
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class AsteriskDialplanTests(AsteriskFixture asterisk)
{
    [Fact]
    public async Task Number_2000_answers_talks_and_records_the_call()
    {
        var before = asterisk.Server.ListRecordings();

        var result = await asterisk.Sipp.PlaceCallsAsync(new SippCallOptions("2000"), TestContext.Current.CancellationToken);

        Assert.True(result.AllSucceeded, result.ToString());
        var recorded = Assert.Single(asterisk.Server.ListRecordings().Except(before));
        Assert.StartsWith("inbound-", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Number_2001_rings_the_test_agent_which_answers()
    {
        await using var agent = asterisk.StartTestAgent();

        var result = await asterisk.Sipp.PlaceCallsAsync(new SippCallOptions("2001"), TestContext.Current.CancellationToken);

        Assert.True(result.AllSucceeded, result.ToString());
        var answered = await agent.WaitForCompletedCallsAsync(1, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(1, answered.Successful);
    }

    [Fact]
    public async Task Number_2002_rings_until_the_caller_gives_up()
    {
        var result = await asterisk.Sipp.PlaceCallsAsync(
            new SippCallOptions("2002") { Scenario = SippScenario.HangUpWhileRinging, RingSeconds = TimeSpan.FromSeconds(2) },
            TestContext.Current.CancellationToken);

        Assert.True(result.AllSucceeded, result.ToString());
    }

    [Theory]
    [InlineData("2003", 486)]
    [InlineData("2004", 503)]
    public async Task Busy_and_failed_numbers_answer_with_their_sip_status(string number, int status)
    {
        var result = await asterisk.Sipp.PlaceCallsAsync(
            new SippCallOptions(number) { Scenario = SippScenario.ExpectFinalResponse, ExpectedStatus = status, CallerNumber = "998907654321" },
            TestContext.Current.CancellationToken);

        Assert.True(result.AllSucceeded, result.ToString());
    }

    [Fact]
    public async Task The_runner_reports_calls_that_do_not_complete_as_failed()
    {
        // An answered-call scenario against the busy number must fail: the runner can tell the outcomes apart.
        var result = await asterisk.Sipp.PlaceCallsAsync(
            new SippCallOptions("2003") { Timeout = TimeSpan.FromSeconds(20) }, TestContext.Current.CancellationToken);

        Assert.False(result.AllSucceeded, result.ToString());
        Assert.Equal(1, result.Failed);
        Assert.Equal(0, result.Successful);
    }
}
