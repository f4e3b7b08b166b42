using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CallCenter.Api.Security;
using CallCenter.Api.Tests.Infrastructure;

namespace CallCenter.Api.Tests;

/// <summary>JWT bearer authentication and the agent / supervisor / admin roles.</summary>
[Collection(ApiCollection.Name)]
public sealed class SecurityTests(ApiFixture fixture)
{
    private const string Calls = """
        query($from: DateTimeOffset!, $until: DateTimeOffset!) {
          calls(filter: { from: $from, until: $until }, first: 50) { totalCount nodes { id agentExtension } }
        }
        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> InvalidTokens() => new()
    {
        "not-a-jwt",
        "expired",
        "wrong-key",
        "wrong-issuer",
    };

    [Fact]
    public async Task Requests_without_a_token_are_401_with_a_bearer_challenge()
    {
        using var response = await fixture.Http.SendAsync(GraphQLHttp.Post("{ agents { id } }"), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task Invalid_tokens_are_401(string kind)
    {
        var token = kind switch
        {
            "expired" => fixture.Tokens.Create("x", [Roles.Supervisor], lifetime: TimeSpan.FromMinutes(-10)),
            "wrong-key" => fixture.Tokens.Create("x", [Roles.Supervisor], key: Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
            "wrong-issuer" => fixture.Tokens.Create("x", [Roles.Supervisor], issuer: "someone-else"),
            _ => kind,
        };
        using var response = await fixture.Http.SendAsync(GraphQLHttp.Post("{ agents { id } }", token: token), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_agent_sees_only_their_own_calls()
    {
        var agent = fixture.Seed.Agent1;
        var data = await fixture.Http.DataAsync(Calls, Window, fixture.Tokens.Agent(agent.Id));

        var expected = fixture.Seed.History.Count(c => c.AgentId == agent.Id);
        Assert.Equal(expected, data["calls"]!["totalCount"]!.GetValue<int>());
        Assert.All(data["calls"]!["nodes"]!.AsArray(), node => Assert.Equal(agent.Extension, node!["agentExtension"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_agent_cannot_open_another_agents_call()
    {
        var other = fixture.Seed.History.First(c => c.AgentId == fixture.Seed.Agent2.Id);
        var data = await fixture.Http.DataAsync("query($id: ID!) { call(id: $id) { id } }", new { id = other.Id }, fixture.Tokens.Agent(fixture.Seed.Agent1.Id));

        Assert.Null(data["call"]);
    }

    [Fact]
    public async Task A_supervisor_sees_every_call()
    {
        var data = await fixture.Http.DataAsync(Calls, Window, fixture.Tokens.Supervisor());
        Assert.Equal(fixture.Seed.History.Count, data["calls"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Statistics_need_the_supervisor_role()
    {
        const string stats = """{ callStats(from: "2026-02-01T00:00:00Z", until: "2026-02-02T00:00:00Z", groupBy: DAY) { total } }""";
        using var response = await fixture.Http.SendAsync(GraphQLHttp.Post(stats, token: fixture.Tokens.Agent(fixture.Seed.Agent1.Id)), Cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("FORBIDDEN", body.ErrorCode());
    }

    [Fact]
    public async Task A_token_without_a_known_role_can_read_nothing()
    {
        var token = fixture.Tokens.Create("nobody", ["guest"]);
        using var response = await fixture.Http.SendAsync(GraphQLHttp.Post("{ liveCalls { id } }", token: token), Cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("FORBIDDEN", body.ErrorCode());
    }

    [Fact]
    public async Task Only_admins_manage_agents_and_contacts()
    {
        const string create = """mutation { createContact(input: { phoneNumber: "+998 (97) 000-11-22", name: "New", company: "Initech" }) { id phoneNumber } }""";
        using (var forbidden = await fixture.Http.SendAsync(GraphQLHttp.Post(create, token: fixture.Tokens.Supervisor()), Cancel))
        {
            var body = JsonNode.Parse(await forbidden.Content.ReadAsStringAsync(Cancel))!.AsObject();
            Assert.Equal("FORBIDDEN", body.ErrorCode());
        }

        var admin = fixture.Tokens.Admin();
        var created = await fixture.Http.DataAsync(create, null, admin);
        var id = created["createContact"]!["id"]!.GetValue<string>();
        Assert.Equal("998970001122", created["createContact"]!["phoneNumber"]!.GetValue<string>());

        var duplicate = await fixture.Http.QueryAsync(create, null, admin);
        Assert.Equal("CONFLICT", duplicate.ErrorCode());

        var updated = await fixture.Http.DataAsync(
            "mutation($id: ID!) { updateContact(id: $id, input: { phoneNumber: \"998970001122\", name: \"Renamed\" }) { name company } }", new { id }, admin);
        Assert.Equal("Renamed", updated["updateContact"]!["name"]!.GetValue<string>());
        Assert.Null(updated["updateContact"]!["company"]);

        var deleted = await fixture.Http.DataAsync("mutation($id: ID!) { deleteContact(id: $id) }", new { id }, admin);
        Assert.True(deleted["deleteContact"]!.GetValue<bool>());
        var again = await fixture.Http.DataAsync("mutation($id: ID!) { deleteContact(id: $id) }", new { id }, admin);
        Assert.False(again["deleteContact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Admins_create_update_and_delete_agents()
    {
        var admin = fixture.Tokens.Admin();
        var created = await fixture.Http.DataAsync("""mutation { createAgent(input: { extension: "1099", name: "Temp" }) { id active } }""", null, admin);
        var id = created["createAgent"]!["id"]!.GetValue<string>();
        Assert.True(created["createAgent"]!["active"]!.GetValue<bool>());

        var updated = await fixture.Http.DataAsync(
            """mutation($id: ID!) { updateAgent(id: $id, input: { extension: "1099", name: "Temp", active: false }) { active } }""", new { id }, admin);
        Assert.False(updated["updateAgent"]!["active"]!.GetValue<bool>());

        var clash = await fixture.Http.QueryAsync("""mutation { createAgent(input: { extension: "1001", name: "Clash" }) { id } }""", null, admin);
        Assert.Equal("CONFLICT", clash.ErrorCode());

        var deleted = await fixture.Http.DataAsync("mutation($id: ID!) { deleteAgent(id: $id) }", new { id }, admin);
        Assert.True(deleted["deleteAgent"]!.GetValue<bool>());
    }

    private static object Window => new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil };
}
