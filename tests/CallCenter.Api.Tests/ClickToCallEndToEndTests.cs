using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;

namespace CallCenter.Api.Tests;

/// <summary>
/// Click-to-call through the whole product: an agent's originateCall rings the agent's registered softphone (sipp,
/// digest authentication); when it answers, Asterisk dials the outside number through the trunk to the bundled
/// stack's simulated provider, which answers. The call log, read through GraphQL, holds that one outbound call.
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class ClickToCallEndToEndTests(ApiFixture fixture, AsteriskFixture asterisk)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan TalkTime = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task An_agents_originateCall_rings_the_agents_phone_then_places_one_completed_outbound_call()
    {
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        using var http = pipeline.Api.CreateHttpClient();
        var cancel = TestContext.Current.CancellationToken;
        // The simulated provider answers 5551234 and echoes; any number outside its documented ranges does (a missed caller too).
        const string number = "5551234";

        var created = await http.DataAsync(
            "mutation { createAgent(input: { extension: \"1001\", name: \"Agent One\" }) { id } }", null, fixture.Tokens.Admin());
        var agentId = Guid.Parse(created["createAgent"]!["id"]!.GetValue<string>());
        var agentToken = fixture.Tokens.Agent(agentId);

        // The phone rings 1 s, answers, talks 3 s and hangs up, as an agent would.
        await using var phone = await asterisk.RegisterSoftphoneAsync("1001", ringFor: TimeSpan.FromSeconds(1), hangUpAfter: TalkTime, cancellationToken: cancel);
        var originated = await http.DataAsync("mutation($to: String!) { originateCall(to: $to) { channelId fromExtension to } }", new { to = number }, agentToken);
        Assert.Equal("1001", originated["originateCall"]!["fromExtension"]!.GetValue<string>());
        Assert.Equal(number, originated["originateCall"]!["to"]!.GetValue<string>());

        const string query = "query($n: String) { calls(filter: { number: $n }) { edges { node { id direction status callerNumber dialedNumber agentExtension answeredAt talkSeconds hangupBy } } } }";
        var deadline = DateTime.UtcNow + Timeout;
        JsonArray edges;
        while (true)
        {
            edges = (await http.DataAsync(query, new { n = number }, fixture.Tokens.Supervisor()))["calls"]!["edges"]!.AsArray();
            if (edges.Count > 0 && edges.All(e => e!["node"]!["status"]!.GetValue<string>() is not ("RINGING" or "ANSWERED")))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for the call to end: {edges.ToJsonString()}\n--- phone ---\n{phone.Tail()}");
            await Task.Delay(200, cancel);
        }

        TestRun.Log("test", $"click-to-call record: {edges.ToJsonString()}");
        // One call: the agent's leg and the trunk leg share it, and the provider's own channel is not a call of the call centre.
        var call = Assert.Single(edges)!["node"]!;
        Assert.Equal("OUTBOUND", call["direction"]!.GetValue<string>());
        Assert.Equal("COMPLETED", call["status"]!.GetValue<string>());
        Assert.Equal(number, call["dialedNumber"]!.GetValue<string>());
        Assert.Equal("1001", call["agentExtension"]!.GetValue<string>());
        Assert.NotNull(call["answeredAt"]);
        Assert.InRange(call["talkSeconds"]!.GetValue<double>(), TalkTime.TotalSeconds - 1, TalkTime.TotalSeconds + 1.5);
        // The agent's phone sent the BYE: the agent's leg is the calling side.
        Assert.Equal("CALLER", call["hangupBy"]!.GetValue<string>());
    }
}
