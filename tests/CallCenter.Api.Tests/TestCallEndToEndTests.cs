using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;
using static CallCenter.Api.Tests.CallControlEndToEndTests;

namespace CallCenter.Api.Tests;

/// <summary>
/// A supervisor's test call through the whole product: simulateIncomingCall originates into the bundled dialplan's
/// inbound route, the main line rings agent 1001's registered sipp softphone, which answers; the call is an inbound
/// call from the typed number in liveCalls and the log, and can be held and hung up like a customer's.
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class TestCallEndToEndTests(ApiFixture fixture, AsteriskFixture asterisk)
{
    [Fact]
    public async Task A_test_call_rings_the_main_line_through_Asterisk_from_the_typed_number_and_is_controlled_like_any_call()
    {
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        using var http = pipeline.Api.CreateHttpClient();
        var token = fixture.Tokens.Supervisor();
        var cancel = TestContext.Current.CancellationToken;
        const string caller = "998905550401";

        // The phone rings 4 s, then answers and echoes until the other side hangs up.
        await using var phone = await asterisk.RegisterSoftphoneAsync("1001", ringFor: TimeSpan.FromSeconds(4), cancellationToken: cancel);
        var placed = await http.DataAsync("mutation($from: String!) { simulateIncomingCall(from: $from) { channelId from to } }", new { from = caller }, token);
        Assert.Equal(caller, placed["simulateIncomingCall"]!["from"]!.GetValue<string>());
        Assert.Equal("5550100", placed["simulateIncomingCall"]!["to"]!.GetValue<string>());

        const string fields = "id status direction callerNumber dialedNumber agentExtension";
        var ringing = await WaitForAsync(async () =>
        {
            var data = await http.DataAsync($"{{ liveCalls {{ {fields} }} }}", null, token);
            return data["liveCalls"]!.AsArray().Select(c => c!.AsObject())
                .FirstOrDefault(c => c["callerNumber"]?.GetValue<string>() == caller && c["status"]!.GetValue<string>() == "RINGING");
        }, "the test call rings in liveCalls");
        Assert.Equal("INBOUND", ringing["direction"]!.GetValue<string>());
        Assert.Equal("5550100", ringing["dialedNumber"]?.GetValue<string>());
        var callId = ringing["id"]!.GetValue<string>();

        var answered = await WaitForCallAsync(http, token, callId, c => c["status"]!.GetValue<string>() == "ANSWERED" && c["agentExtension"]?.GetValue<string>() == "1001",
            "agent 1001 answers the test call");
        // The caller's half takes the agent's number as its caller id when the agent answers (Local channels copy the
        // connected line across); the call's caller stays the typed number.
        Assert.Equal(caller, answered["callerNumber"]?.GetValue<string>());

        // Hold needs both parties back in the application's bridge, which follows the answer by a moment.
        using var ari = asterisk.CreateAriClient();
        await WaitForAsync(async () =>
        {
            var bridges = JsonNode.Parse(await ari.GetStringAsync("bridges", cancel))!.AsArray();
            return bridges.Select(b => b!.AsObject()).FirstOrDefault(b => b["channels"]!.AsArray().Count == 2);
        }, "ARI shows the caller's half and agent 1001 in one bridge");

        // The caller's side is the Local channel half in the application's bridge: hold reaches it.
        await MutateAsync(http, token, "holdCall", callId);
        await WaitForCallAsync(http, token, callId, c => c["legs"]!.AsArray().Any(l => l!["onHold"]!.GetValue<bool>()), "the record shows the caller on hold");
        await MutateAsync(http, token, "unholdCall", callId);
        await WaitForCallAsync(http, token, callId, c => c["holdCount"]!.GetValue<int>() == 1, "the record shows one hold");

        await MutateAsync(http, token, "hangupCall", callId);
        var ended = await WaitForCallAsync(http, token, callId, c => c["status"]!.GetValue<string>() == "COMPLETED", "the record is completed");
        TestRun.Log("test", $"test call record: {ended.ToJsonString()}");
        Assert.Equal("1001", ended["agentExtension"]?.GetValue<string>());
        Assert.Equal(caller, ended["callerNumber"]?.GetValue<string>());
        Assert.Equal("5550100", ended["dialedNumber"]?.GetValue<string>());
        Assert.All(ended["legs"]!.AsArray(), l => Assert.NotNull(l!["endedAt"]));

        var log = await http.DataAsync("query($n: String) { calls(filter: { number: $n }) { edges { node { id direction status } } } }", new { n = caller }, token);
        var node = Assert.Single(log["calls"]!["edges"]!.AsArray())!["node"]!;
        Assert.Equal(callId, node["id"]!.GetValue<string>());
        Assert.Equal("INBOUND", node["direction"]!.GetValue<string>());
        Assert.True(phone.IsRunning, phone.Tail());
    }
}
