using System.Net;
using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;

namespace CallCenter.Api.Tests;

/// <summary>
/// Call control through the whole product: a sipp caller with real audio → Asterisk (shipped dialplan) → the
/// ingestion service → Redis → the persistence worker → PostgreSQL → the API. The call is found and controlled
/// through GraphQL only, and every effect is read back through GraphQL from the call record the worker keeps
/// (and, where it matters, from ARI).
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class CallControlEndToEndTests(ApiFixture fixture, AsteriskFixture asterisk)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private const string CallFields =
        "id status isLive callerNumber dialedNumber agentExtension answeredAt endedAt hangupBy transferCount holdCount holdSeconds " +
        "legs { channelId channelName endpoint endedAt holdCount holdSeconds onHold }";

    [Fact]
    public async Task Hanging_up_a_real_agent_call_completes_it_in_the_record_as_ended_by_our_side()
    {
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        using var http = pipeline.Api.CreateHttpClient();
        var token = fixture.Tokens.Supervisor();
        const string caller = "998905550102";

        // 2001 rings the test agent, who answers: caller and agent legs bridged, one call.
        await using var agent = asterisk.StartTestAgent();
        await using var sipp = await SippTalkingCaller.CallAsync(asterisk.Server.SipPort, "2001", caller, TimeSpan.FromSeconds(150));
        var live = await WaitForAsync(async () =>
        {
            var data = await http.DataAsync($"{{ liveCalls {{ {CallFields} }} }}", null, token);
            return data["liveCalls"]!.AsArray().Select(c => c!.AsObject())
                .FirstOrDefault(c => c["callerNumber"]?.GetValue<string>() == caller && c["status"]!.GetValue<string>() == "ANSWERED"
                    && c["agentExtension"]?.GetValue<string>() == "test-agent");
        }, "the call is live and answered by the test agent in the API");
        var callId = live["id"]!.GetValue<string>();
        var channels = live["legs"]!.AsArray().Where(l => l!["endedAt"] is null).Select(l => l!["channelId"]!.GetValue<string>()).ToList();
        Assert.True(channels.Count >= 2, live.ToJsonString());

        await MutateAsync(http, token, "hangupCall", callId);
        var ended = await WaitForCallAsync(http, token, callId, c => c["status"]!.GetValue<string>() == "COMPLETED", "the record is completed");
        TestRun.Log("test", $"hung-up call record: {ended.ToJsonString()}");
        Assert.False(ended["isLive"]!.GetValue<bool>());
        Assert.NotNull(ended["answeredAt"]);
        Assert.NotNull(ended["endedAt"]);
        Assert.Equal("test-agent", ended["agentExtension"]?.GetValue<string>());
        // Neither phone hung up (the caller's scenario never sends BYE, the agent's waits for one): our side did.
        Assert.Equal("SYSTEM", ended["hangupBy"]?.GetValue<string>());
        Assert.All(ended["legs"]!.AsArray(), l => Assert.NotNull(l!["endedAt"]));

        using (var ari = asterisk.CreateAriClient())
        {
            foreach (var channel in channels)
            {
                using var gone = await ari.GetAsync($"channels/{channel}", TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            }
        }

        // Both phones got the PBX's BYE: the caller's scenario completes only with one.
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.True((await agent.WaitForCompletedCallsAsync(1, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).Successful >= 1);

        var log = await http.DataAsync("query($n: String) { calls(filter: { number: $n }) { edges { node { id status } } } }", new { n = caller }, token);
        var node = Assert.Single(log["calls"]!["edges"]!.AsArray())!["node"]!;
        Assert.Equal(callId, node["id"]!.GetValue<string>());

        var after = await http.QueryAsync("mutation($id: ID!) { hangupCall(callId: $id) { id } }", new { id = callId }, token);
        Assert.Equal("CALL_GONE", after.ErrorCode());
    }

    [Fact]
    public async Task Hold_unhold_mute_blind_transfer_and_hangup_on_a_real_call_show_in_ARI_and_in_the_call_record()
    {
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        using var http = pipeline.Api.CreateHttpClient();
        var token = fixture.Tokens.Supervisor();
        const string caller = "998905550101";
        var cancel = TestContext.Current.CancellationToken;

        // 2001 rings the test agent, who answers: the ingestion service bridges caller and agent in the application.
        await using var agent = asterisk.StartTestAgent();
        await using var sipp = await SippTalkingCaller.CallAsync(asterisk.Server.SipPort, "2001", caller, TimeSpan.FromSeconds(150));
        var live = await WaitForAsync(async () =>
        {
            var data = await http.DataAsync($"{{ liveCalls {{ {CallFields} }} }}", null, token);
            return data["liveCalls"]!.AsArray().Select(c => c!.AsObject())
                .FirstOrDefault(c => c["callerNumber"]?.GetValue<string>() == caller && c["status"]!.GetValue<string>() == "ANSWERED"
                    && c["agentExtension"]?.GetValue<string>() == "test-agent"
                    && c["legs"]!.AsArray().Count(l => l!["endedAt"] is null) >= 2);
        }, "the call is live and answered by the test agent in the API");
        var callId = live["id"]!.GetValue<string>();
        var legs = live["legs"]!.AsArray().Select(l => l!.AsObject()).ToList();
        var customerChannel = legs.Single(l => !l["channelName"]!.GetValue<string>().StartsWith("PJSIP/test-agent-", StringComparison.Ordinal))["channelId"]!.GetValue<string>();
        var agentChannel = legs.Single(l => l["channelName"]!.GetValue<string>().StartsWith("PJSIP/test-agent-", StringComparison.Ordinal))["channelId"]!.GetValue<string>();

        using var ari = asterisk.CreateAriClient();
        // Both parties are in one of the application's bridges: that is what makes hold and transfer possible.
        var bridge = await WaitForAsync(async () =>
        {
            using var response = await ari.GetAsync("bridges", cancel);
            var bridges = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancel))!.AsArray();
            return bridges.Select(b => b!.AsObject()).FirstOrDefault(b => b["channels"]!.AsArray().Select(c => c!.GetValue<string>()).Order()
                .SequenceEqual(new[] { customerChannel, agentChannel }.Order()));
        }, "ARI shows caller and agent in one bridge");
        Assert.StartsWith("callcenter-", bridge["id"]!.GetValue<string>(), StringComparison.Ordinal);

        // Hold the customer, stay on hold for a moment, unhold: the record counts one hold with its time.
        await MutateAsync(http, token, "holdCall", callId);
        await WaitForCallAsync(http, token, callId, c => c["legs"]!.AsArray().Any(l => l!["onHold"]!.GetValue<bool>()), "the record shows the caller on hold");
        await Task.Delay(TimeSpan.FromSeconds(2), cancel);
        await MutateAsync(http, token, "unholdCall", callId);
        var unheld = await WaitForCallAsync(http, token, callId, c => c["holdCount"]!.GetValue<int>() == 1
            && !c["legs"]!.AsArray().Any(l => l!["onHold"]!.GetValue<bool>()), "the record shows one finished hold");
        Assert.True(unheld["holdSeconds"]!.GetValue<double>() >= 1.0, unheld.ToJsonString());

        // Mute and unmute the agent: ARI accepts them on the bridged agent channel (it refuses channels outside Stasis).
        await MutateAsync(http, token, "muteCall", callId);
        await MutateAsync(http, token, "unmuteCall", callId);

        // Blind transfer to 2000 (answers and echoes): the customer leaves the agent, whose leg ends; still one call.
        await MutateAsync(http, token, "transferCall", callId, ", destination: \"2000\"");
        await WaitForAsync(async () =>
        {
            using var response = await ari.GetAsync($"channels/{customerChannel}", cancel);
            var channel = response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(cancel)) : null;
            return channel?["dialplan"]?["exten"]?.GetValue<string>() == "2000" ? channel.AsObject() : null;
        }, "ARI shows the customer at the transfer destination");
        var transferred = await WaitForCallAsync(http, token, callId, c => c["transferCount"]!.GetValue<int>() == 1
            && c["legs"]!.AsArray().Any(l => l!["channelId"]!.GetValue<string>() == agentChannel && l["endedAt"] is not null),
            "the record shows the transfer and the agent's leg ended");
        Assert.Equal("ANSWERED", transferred["status"]!.GetValue<string>());
        Assert.Equal("test-agent", transferred["agentExtension"]?.GetValue<string>());
        using (var agentGone = await ari.GetAsync($"channels/{agentChannel}", cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, agentGone.StatusCode);
        }

        // Hang up from our side: the record is completed and says the caller did not hang up.
        await MutateAsync(http, token, "hangupCall", callId);
        var ended = await WaitForCallAsync(http, token, callId, c => c["status"]!.GetValue<string>() == "COMPLETED", "the record is completed");
        TestRun.Log("test", $"controlled call record: {ended.ToJsonString()}");
        Assert.False(ended["isLive"]!.GetValue<bool>());
        Assert.NotEqual("CALLER", ended["hangupBy"]?.GetValue<string>());
        Assert.NotNull(ended["answeredAt"]);
        Assert.Equal(1, ended["transferCount"]!.GetValue<int>());
        Assert.Equal(1, ended["holdCount"]!.GetValue<int>());
        Assert.All(ended["legs"]!.AsArray(), l => Assert.NotNull(l!["endedAt"]));
        using (var customerGone = await ari.GetAsync($"channels/{customerChannel}", cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, customerGone.StatusCode);
        }

        // The caller got the PBX's BYE (its scenario ends only with one), and so did the agent when the customer left.
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.True((await agent.WaitForCompletedCallsAsync(1, TimeSpan.FromSeconds(30), cancel)).Successful >= 1);

        // One call in the log for this caller: the transfer did not split it.
        var log = await http.DataAsync("query($n: String) { calls(filter: { number: $n }) { edges { node { id status } } } }", new { n = caller }, token);
        var node = Assert.Single(log["calls"]!["edges"]!.AsArray())!["node"]!;
        Assert.Equal(callId, node["id"]!.GetValue<string>());
        Assert.Equal("COMPLETED", node["status"]!.GetValue<string>());

        var after = await http.QueryAsync("mutation($id: ID!) { holdCall(callId: $id) { id } }", new { id = callId }, token);
        Assert.Equal("CALL_GONE", after.ErrorCode());
    }

    internal static async Task MutateAsync(HttpClient http, string token, string mutation, string callId, string arguments = "")
    {
        var response = await http.QueryAsync($"mutation($id: ID!) {{ {mutation}(callId: $id{arguments}) {{ id }} }}", new { id = callId }, token);
        Assert.True(response["errors"] is null, $"{mutation}: {response.ToJsonString()}");
    }

    internal static Task<JsonObject> WaitForCallAsync(HttpClient http, string token, string callId, Func<JsonObject, bool> condition, string because) =>
        WaitForAsync(async () =>
        {
            var data = await http.DataAsync($"query($id: ID!) {{ call(id: $id) {{ {CallFields} }} }}", new { id = callId }, token);
            return data["call"] is JsonObject call && condition(call) ? call : null;
        }, because);

    internal static async Task<JsonObject> WaitForAsync(Func<Task<JsonObject?>> probe, string because)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {Timeout.TotalSeconds} s waiting until {because}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
