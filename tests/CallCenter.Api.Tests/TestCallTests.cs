using System.Net;
using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;

namespace CallCenter.Api.Tests;

/// <summary>simulateIncomingCall's guards: supervisors only, off outside Development unless enabled, numbers checked.</summary>
[Collection(ApiCollection.Name)]
public sealed class TestCallTests(ApiFixture fixture)
{
    private const string Simulate = "mutation($from: String!) { simulateIncomingCall(from: $from) { channelId from to } }";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static bool IsTestCallOriginate(string request) => request.StartsWith("POST channels?", StringComparison.Ordinal) && request.Contains("Local", StringComparison.Ordinal);

    [Fact]
    public async Task Only_supervisors_may_place_a_test_call()
    {
        var before = fixture.Ari.Requests.Count(IsTestCallOriginate);
        using var response = await fixture.Http.SendAsync(
            GraphQLHttp.Post(Simulate, new { from = "998901112233" }, fixture.Tokens.Agent(fixture.Seed.Agent1.Id)), Cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("FORBIDDEN", body.ErrorCode());
        Assert.Equal(before, fixture.Ari.Requests.Count(IsTestCallOriginate));
    }

    [Fact]
    public async Task Test_calls_are_off_outside_Development_unless_enabled()
    {
        var before = fixture.Ari.Requests.Count(IsTestCallOriginate);
        // The fixture's API runs as Production with no TestCalls section.
        var production = await fixture.Http.QueryAsync(Simulate, new { from = "998901112233" }, fixture.Tokens.Supervisor());
        Assert.Equal("TEST_CALLS_DISABLED", production.ErrorCode());

        // Development turns them on by default, and configuration turns them off there too. A caller number that would
        // pass for an extension shows that the enabled API got as far as checking the numbers.
        await using (var development = new ApiFactory(fixture.Settings(), environment: "Development"))
        {
            development.Start();
            using var http = development.CreateHttpClient();
            var refused = await http.QueryAsync(Simulate, new { from = "1001" }, fixture.Tokens.Supervisor());
            Assert.Equal("BAD_USER_INPUT", refused.ErrorCode());
            Assert.Equal(before, fixture.Ari.Requests.Count(IsTestCallOriginate));

            // A valid one goes to ARI (the fake answers 404 to everything): a Local channel into the inbound route,
            // dialling the main line with the typed caller id.
            var rejected = await http.QueryAsync(Simulate, new { from = "+998901112233" }, fixture.Tokens.Supervisor());
            Assert.Equal("PBX_REJECTED", rejected.ErrorCode());
            var originate = Uri.UnescapeDataString(fixture.Ari.Requests.Where(IsTestCallOriginate).Skip(before).Single());
            Assert.Contains("endpoint=Local/5550100@from-external", originate, StringComparison.Ordinal);
            Assert.Contains("callerId=\"+998901112233\" <+998901112233>", originate, StringComparison.Ordinal);
            Assert.Contains("context=callcenter-test-caller", originate, StringComparison.Ordinal);
        }

        await using (var switchedOff = new ApiFactory(fixture.Settings(new Dictionary<string, string?> { ["TestCalls:Enabled"] = "false" }), environment: "Development"))
        {
            switchedOff.Start();
            using var http = switchedOff.CreateHttpClient();
            var off = await http.QueryAsync(Simulate, new { from = "998901112233" }, fixture.Tokens.Supervisor());
            Assert.Equal("TEST_CALLS_DISABLED", off.ErrorCode());
        }

        Assert.Equal(before + 1, fixture.Ari.Requests.Count(IsTestCallOriginate));
    }

    [Fact]
    public async Task Invalid_test_call_settings_stop_the_API_at_start()
    {
        await using var api = new ApiFactory(fixture.Settings(new Dictionary<string, string?> { ["TestCalls:InboundContext"] = "from-external,1" }));
        var error = Assert.ThrowsAny<Exception>(() => api.Start());
        Assert.Contains("TestCalls:InboundContext", error.ToString(), StringComparison.Ordinal);
    }
}
