using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;

namespace CallCenter.Api.Tests;

/// <summary>
/// callUpdated over real calls: sipp callers → Asterisk → ingestion → Redis → the persistence worker (which publishes
/// what it committed) → the API → a graphql-transport-ws subscriber. Per call, the versions received are strictly
/// increasing (no duplicates) and end with the call's final state as the call log keeps it.
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class SubscriptionEndToEndTests(ApiFixture fixture, AsteriskFixture asterisk)
{
    private const int Calls = 3;

    [Fact]
    public async Task A_subscriber_gets_each_version_of_real_calls_once_in_order_ending_with_the_final_state()
    {
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        using var http = pipeline.Api.CreateHttpClient();
        var token = fixture.Tokens.Supervisor();
        await using var subscriber = await WsTestClient.ConnectAsync(pipeline.Api.WebSocketUri);
        await subscriber.InitAsync(token);
        await subscriber.SendAsync(new { type = "subscribe", id = "all", payload = new { query = "subscription { callUpdated { id status version agentExtension talkSeconds endedAt } }" } });

        await using var agent = asterisk.StartTestAgent();
        var finals = new Dictionary<string, JsonObject>();
        for (var i = 0; i < Calls; i++)
        {
            var caller = $"99890555{i:D4}";
            await using var sipp = await SippTalkingCaller.CallAsync(asterisk.Server.SipPort, "2001", caller, TimeSpan.FromSeconds(150));
            var live = await CallControlEndToEndTests.WaitForAsync(async () =>
            {
                var data = await http.DataAsync("{ liveCalls { id status callerNumber } }", null, token);
                return data["liveCalls"]!.AsArray().Select(c => c!.AsObject())
                    .FirstOrDefault(c => c["callerNumber"]?.GetValue<string>() == caller && c["status"]!.GetValue<string>() == "ANSWERED");
            }, $"call {i} is answered");
            var callId = live["id"]!.GetValue<string>();
            await CallControlEndToEndTests.MutateAsync(http, token, "hangupCall", callId);
            finals[callId] = await CallControlEndToEndTests.WaitForCallAsync(http, token, callId, c => c["status"]!.GetValue<string>() == "COMPLETED", $"call {i} is completed");
            await sipp.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        var finalVersions = new Dictionary<string, long>();
        foreach (var (id, _) in finals)
        {
            var data = await http.DataAsync("query($id: ID!) { call(id: $id) { version status talkSeconds endedAt } }", new { id }, token);
            finals[id] = data["call"]!.AsObject();
            finalVersions[id] = finals[id]["version"]!.GetValue<long>();
        }

        var received = new Dictionary<string, List<JsonObject>>();
        while (finalVersions.Any(f => !received.TryGetValue(f.Key, out var versions) || versions[^1]["version"]!.GetValue<long>() < f.Value))
        {
            var message = await subscriber.ReceiveAsync(TimeSpan.FromSeconds(30)) ?? throw new InvalidOperationException("the subscription ended");
            Assert.Equal("next", message["type"]!.GetValue<string>());
            var update = message["payload"]!["data"]!["callUpdated"]!.AsObject();
            var id = update["id"]!.GetValue<string>();
            if (finals.ContainsKey(id))
            {
                (received.TryGetValue(id, out var list) ? list : received[id] = []).Add(update);
            }
        }

        foreach (var (id, updates) in received)
        {
            TestRun.Log("test", $"call {id}: {string.Join(", ", updates.Select(u => $"v{u["version"]} {u["status"]}"))}");
            var versions = updates.Select(u => u["version"]!.GetValue<long>()).ToList();
            Assert.Equal(versions.Distinct().Order(), versions);
            var last = updates[^1];
            Assert.Equal(finalVersions[id], last["version"]!.GetValue<long>());
            Assert.Equal("COMPLETED", last["status"]!.GetValue<string>());
            Assert.Equal(finals[id]["talkSeconds"]?.ToJsonString(), last["talkSeconds"]?.ToJsonString());
            Assert.Equal(finals[id]["endedAt"]?.ToJsonString(), last["endedAt"]?.ToJsonString());
            Assert.Contains(updates, u => u["status"]!.GetValue<string>() == "ANSWERED");
        }

        Assert.Equal(Calls, received.Count);
    }
}
