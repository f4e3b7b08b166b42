using CallCenter.Api.Tests.Infrastructure;

namespace CallCenter.Api.Tests;

/// <summary>
/// Call control error paths. ARI is a stand-in that reports every channel as gone (the race a real PBX produces
/// when the caller hangs up first); control against a real call through Asterisk is not covered here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CallControlTests(ApiFixture fixture)
{
    [Fact]
    public async Task Controlling_a_call_that_already_ended_is_a_call_gone_error()
    {
        var ended = fixture.Seed.History[0];
        var response = await fixture.Http.QueryAsync("mutation($id: ID!) { hangupCall(callId: $id) { id } }", new { id = ended.Id }, fixture.Tokens.Supervisor());

        Assert.Equal("CALL_GONE", response.ErrorCode());
        Assert.Null(response["data"]);
    }

    [Fact]
    public async Task A_channel_the_pbx_no_longer_has_is_a_call_gone_error()
    {
        var call = await LiveCalls.StartAsync(fixture, fixture.Seed.Agent1);
        await using (var db = fixture.CreateDbContext())
        {
            db.CallLegs.Add(new Data.CallLeg
            {
                Id = Guid.NewGuid(), CallId = call.Id, ChannelId = "1700000000.42", ChannelName = "PJSIP/trunk-00000001", CreatedAt = call.StartedAt,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var response = await fixture.Http.QueryAsync(
            "mutation($id: ID!) { holdCall(callId: $id) { id } }", new { id = call.Id }, fixture.Tokens.Agent(fixture.Seed.Agent1.Id));

        Assert.Equal("CALL_GONE", response.ErrorCode());
        Assert.Contains(fixture.Ari.Requests, r => r.StartsWith("POST channels/1700000000.42/hold", StringComparison.Ordinal));
        await LiveCalls.EndAsync(fixture, call.Id);
    }

    [Fact]
    public async Task An_agent_cannot_control_another_agents_call()
    {
        var call = await LiveCalls.StartAsync(fixture, fixture.Seed.Agent2);
        var response = await fixture.Http.QueryAsync(
            "mutation($id: ID!) { hangupCall(callId: $id) { id } }", new { id = call.Id }, fixture.Tokens.Agent(fixture.Seed.Agent1.Id));

        Assert.Equal("NOT_FOUND", response.ErrorCode());
        await LiveCalls.EndAsync(fixture, call.Id);
    }

    [Fact]
    public async Task Transfer_destinations_are_validated_before_the_pbx_is_asked()
    {
        var response = await fixture.Http.QueryAsync(
            "mutation($id: ID!) { transferCall(callId: $id, destination: \"1001&PJSIP/x\") { id } }", new { id = Guid.NewGuid() }, fixture.Tokens.Supervisor());
        Assert.Equal("BAD_USER_INPUT", response.ErrorCode());
    }

    [Fact]
    public async Task An_agent_originates_only_from_their_own_extension()
    {
        var response = await fixture.Http.QueryAsync(
            "mutation { originateCall(to: \"998901112233\", fromExtension: \"1002\") { channelId } }", null, fixture.Tokens.Agent(fixture.Seed.Agent1.Id));
        Assert.Equal("FORBIDDEN", response.ErrorCode());
    }
}
