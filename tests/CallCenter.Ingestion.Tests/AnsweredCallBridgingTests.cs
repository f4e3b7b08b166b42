using System.Text.Json.Nodes;
using CallCenter.Contracts;
using CallCenter.Testing;

namespace CallCenter.Ingestion.Tests;

/// <summary>
/// Answered calls through the real Asterisk and the shipped dialplan: Dial()'s G() hands both parties to the
/// application, which bridges them and ends the call for one party when the other hangs up.
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class AnsweredCallBridgingTests(RedisFixture redis, AsteriskFixture asterisk)
{
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_answered_call_is_bridged_by_the_application_and_the_agent_is_hung_up_when_the_caller_hangs_up()
    {
        var entries = await AnsweredCallEventsAsync("998901234001");

        var entered = entries.Where(e => e.Type == "ChannelEnteredBridge").Select(e => JsonNode.Parse(e.Data)!).ToList();
        // Both parties, one bridge, and it is the application's.
        Assert.Equal(2, entered.Count);
        var bridgeId = Assert.Single(entered.Select(e => e["bridge"]!["id"]!.GetValue<string>()).Distinct());
        Assert.StartsWith("callcenter-", bridgeId, StringComparison.Ordinal);
        Assert.Equal(2, entered.Select(e => e["channel"]!["id"]!.GetValue<string>()).Distinct().Count());
        var starts = entries.Where(e => e.Type == "StasisStart").Select(e => e.Data).ToList();
        Assert.Contains(starts, s => s.Contains("\"args\":[\"bridge\",\"caller\",", StringComparison.Ordinal));
        Assert.Contains(starts, s => s.Contains("\"args\":[\"bridge\",\"answerer\",", StringComparison.Ordinal));

        // The bridge does not outlive the call.
        var deadline = DateTime.UtcNow + StreamTimeout;
        while ((await ListBridgeIdsAsync(TestContext.Current.CancellationToken)).Contains(bridgeId))
        {
            Assert.True(DateTime.UtcNow < deadline, $"bridge {bridgeId} outlived its call");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task With_bridging_off_the_dialplan_bridges_the_answered_call_itself()
    {
        var entries = await AnsweredCallEventsAsync("998901234002", ("Ingestion:BridgeAnsweredCalls", "false"));

        // Both parties were handed back ("continue") and bridged by Bridge() in [callcenter-answered], not by the application.
        var bridges = entries.Where(e => e.Type == "ChannelEnteredBridge").Select(e => JsonNode.Parse(e.Data)!["bridge"]!["id"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(bridges);
        Assert.DoesNotContain(bridges, id => id.StartsWith("callcenter-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_party_left_alone_in_a_bridge_while_the_service_was_away_is_hung_up_when_it_reconnects()
    {
        var cancel = TestContext.Current.CancellationToken;
        var stream = $"test:{Guid.NewGuid():N}";
        var database = redis.Connection.GetDatabase();
        await using var agent = asterisk.StartTestAgent();
        Task<SippCallResult> call;
        await using (var first = StartIngestion(stream))
        {
            await StreamReader.WaitForAsync(database, stream, e => e.Any(x => x.Kind == AriStreamEntryKind.Snapshot), StreamTimeout);
            call = asterisk.Sipp.PlaceCallsAsync(new SippCallOptions("2001") { CallerNumber = "998901234003" }, cancel);
            await StreamReader.WaitForAsync(database, stream, e => e.Count(x => x.Type == "ChannelEnteredBridge") >= 2, StreamTimeout);
        }

        // The service is gone; the caller finishes talking and hangs up. Nobody is there to end the agent's side.
        Assert.True((await call).AllSucceeded);
        await Task.Delay(TimeSpan.FromSeconds(2), cancel);
        Assert.Equal(0, agent.Statistics.Successful);
        Assert.Contains((await ListBridgesAsync(cancel)), b => b.Id.StartsWith("callcenter-", StringComparison.Ordinal) && b.Channels == 1);

        // Back again: the resynchronisation ends the lone party's call and removes its bridge.
        await using var second = StartIngestion(stream);
        var agentCalls = await agent.WaitForCompletedCallsAsync(1, TimeSpan.FromSeconds(30), cancel);
        Assert.True(agentCalls.Successful == 1, $"the agent left alone was not hung up after the reconnect: {agentCalls}");
        var deadline = DateTime.UtcNow + StreamTimeout;
        while ((await ListBridgesAsync(cancel)).Any(b => b.Id.StartsWith("callcenter-", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the lone bridge outlived the reconnect");
            await Task.Delay(200, cancel);
        }
    }

    /// <summary>
    /// One call to 2001 with the ingestion service running: the caller talks, then hangs up (BYE); the agent's scenario
    /// only completes when the PBX sends it a BYE too. Returns the stream once both channels are destroyed.
    /// </summary>
    private async Task<IReadOnlyList<AriStreamEntry>> AnsweredCallEventsAsync(string callerNumber, params (string Key, string Value)[] settings)
    {
        var cancel = TestContext.Current.CancellationToken;
        var stream = $"test:{Guid.NewGuid():N}";
        await using var host = StartIngestion(stream, settings);
        var database = redis.Connection.GetDatabase();
        await StreamReader.WaitForAsync(database, stream, e => e.Any(x => x.Kind == AriStreamEntryKind.Snapshot), StreamTimeout);

        await using var agent = asterisk.StartTestAgent();
        var result = await asterisk.Sipp.PlaceCallsAsync(new SippCallOptions("2001") { CallerNumber = callerNumber }, cancel);
        Assert.True(result.AllSucceeded, result.ToString());
        var agentCalls = await agent.WaitForCompletedCallsAsync(1, TimeSpan.FromSeconds(30), cancel);
        Assert.True(agentCalls.Successful == 1, $"the agent was not hung up after the caller left: {agentCalls}");
        return await StreamReader.WaitForAsync(database, stream, e => e.Count(x => x.Type == "ChannelDestroyed") >= 2, StreamTimeout);
    }

    private ServiceHost<Program> StartIngestion(string stream, params (string Key, string Value)[] settings) => IngestionHost.Create(
        redis.ConnectionString, asterisk.Server.AriBaseUrl, asterisk.Server.AriUsername, asterisk.Server.AriPassword, stream, settings);

    private async Task<IReadOnlyList<string>> ListBridgeIdsAsync(CancellationToken cancellationToken) =>
        (await ListBridgesAsync(cancellationToken)).Select(b => b.Id).ToList();

    private async Task<IReadOnlyList<(string Id, int Channels)>> ListBridgesAsync(CancellationToken cancellationToken)
    {
        using var ari = asterisk.CreateAriClient();
        using var response = await ari.GetAsync("bridges", cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsArray()
            .Select(b => (b!["id"]!.GetValue<string>(), b["channels"]!.AsArray().Count)).ToList();
    }
}
