using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;

namespace CallCenter.Api.Tests;

/// <summary>Depth and complexity limits, introspection switch and development-only IDE.</summary>
[Collection(ApiCollection.Name)]
public sealed class LimitsTests(ApiFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Too_deep_documents_are_rejected_before_execution()
    {
        // Introspection alone has its own bounds (IntrospectionTests); next to call data it counts toward the depth limit.
        var query = "{ calls(first: 1) { totalCount } __schema { types { fields { type " + string.Concat(Enumerable.Repeat("{ ofType ", 12)) + "{ name }" + new string('}', 12) + " } } } }";
        using var response = await fixture.Http.SendAsync(GraphQLHttp.Post(query, token: fixture.Tokens.Supervisor()), Cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("depth", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Too_complex_documents_are_rejected_before_execution()
    {
        const string query = "{ calls(first: 50) { nodes { events { id type } legs { id } recordings { id } } } }";
        using var response = await fixture.Http.SendAsync(GraphQLHttp.Post(query, token: fixture.Tokens.Supervisor()), Cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("complex", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_typical_call_log_screen_fits_the_limits()
    {
        const string query = """
            query($filter: CallFilter) {
              calls(filter: $filter, first: 50) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor node {
                  id direction status isLive callerNumber callerName dialedNumber agentExtension startedAt answeredAt endedAt
                  ringSeconds talkSeconds durationSeconds hangupBy transferCount holdCount
                  agent { id name extension } contact { name company } recording { available downloadUrl }
                } }
              }
            }
            """;
        using var response = await fixture.Http.SendAsync(GraphQLHttp.Post(query, new { filter = new { from = SeedData.HistoryFrom, until = SeedData.HistoryUntil } }, fixture.Tokens.Supervisor()), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.DoesNotContain("\"errors\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspection_can_be_switched_off_and_the_ide_is_development_only_by_default()
    {
        await using var api = new ApiFactory(fixture.Settings(new Dictionary<string, string?>
        {
            ["GraphQL:EnableIntrospection"] = "false",
            ["GraphQL:EnableIde"] = null,
        }));
        api.Start();
        using var http = api.CreateHttpClient();

        using var introspection = await http.SendAsync(GraphQLHttp.Post("{ __schema { queryType { name } } }", token: fixture.Tokens.Supervisor()), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, introspection.StatusCode);

        using var normal = await http.SendAsync(GraphQLHttp.Post("{ agents { id } }", token: fixture.Tokens.Supervisor()), Cancel);
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);

        using var browser = new HttpRequestMessage(HttpMethod.Get, "graphql");
        browser.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var page = await http.SendAsync(browser, Cancel);
        Assert.NotEqual("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}
