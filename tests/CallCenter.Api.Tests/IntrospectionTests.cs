using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.LocalServers;

namespace CallCenter.Api.Tests;

/// <summary>
/// The standard introspection query, as graphql-js (npm `graphql`) writes it for GraphiQL, Apollo and graphql-codegen,
/// is answered with every option set and round-trips to the committed SDL; introspection has its own bounds instead
/// of the operations' depth and complexity limits, and abusive shapes are refused.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IntrospectionTests(ApiFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Graphql_js_introspection_with_every_option_set_builds_the_committed_schema()
    {
        var sdl = Path.Combine(Prerequisites.RepositoryRoot, "src", "CallCenter.Api", "schema.graphql");
        var lines = await NodeScript.RunAsync("introspection.cjs", [new Uri(fixture.Api.BaseAddress, "graphql").AbsoluteUri, fixture.Tokens.Supervisor(), sdl], TimeSpan.FromMinutes(2));

        Assert.Equal(8, lines.Count);
        foreach (var line in lines)
        {
            var options = line["options"]!.ToJsonString();
            Assert.True(line["status"]!.GetValue<int>() == 200, $"{options}: HTTP {line["status"]}, errors {line["errors"]?.ToJsonString()}");
            Assert.True(line["errors"] is null, $"{options}: {line["errors"]?.ToJsonString()}");
            Assert.True(line["matches"]!.GetValue<bool>(), $"{options}: first difference {line["diff"]?.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Agents_may_introspect_too()
    {
        var data = await fixture.Http.DataAsync("{ __schema { queryType { name } } __type(name: \"Call\") { fields { name } } }", null, fixture.Tokens.Agent(Guid.NewGuid()));

        Assert.Equal("Query", data["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Directive_args_take_include_deprecated_and_scalars_answer_specified_by_url()
    {
        var data = await fixture.Http.DataAsync(
            "{ __schema { directives { name isRepeatable args(includeDeprecated: true) { name isDeprecated } } } __type(name: \"DateTimeOffset\") { specifiedByURL } }",
            null, fixture.Tokens.Supervisor());

        var deprecated = data["__schema"]!["directives"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == "deprecated")!;
        Assert.Equal("reason", deprecated["args"]![0]!["name"]!.GetValue<string>());
        Assert.Null(data["__type"]!["specifiedByURL"]);
    }

    public static TheoryData<string, string> AbusiveIntrospection() => new()
    {
        { "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", "type lists" },
        { "{ __type(name: \"Call\") { interfaces { possibleTypes { name } } } }", "type lists" },
        { "{ __schema { types { " + Nest("ofType", 17, "name") + " } } }", "'ofType'" },
        { "{ " + string.Concat(Enumerable.Range(0, 11).Select(i => $"t{i}: __type(name: \"Call\") {{ name }} ")) + "}", "at most 10 times" },
        { "{ __schema { types { ...F0 } } } " + FragmentFanOut(12), "at most 1000 selections" },
    };

    [Theory]
    [MemberData(nameof(AbusiveIntrospection))]
    public async Task Abusive_introspection_is_refused_before_execution(string query, string expected)
    {
        using var response = await fixture.Http.SendAsync(GraphQLHttp.Post(query, token: fixture.Tokens.Supervisor()), Cancel);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        var error = body["errors"]![0]!;
        Assert.Contains(expected, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("INTROSPECTION_TOO_LARGE", error["extensions"]!["code"]!.GetValue<string>());
    }

    private static string Nest(string field, int times, string leaf) =>
        string.Concat(Enumerable.Repeat(field + " { ", times)) + leaf + string.Concat(Enumerable.Repeat(" }", times));

    // F0 spreads F1 twice, F1 spreads F2 twice, …: a few hundred bytes that expand to 2^depth selections.
    private static string FragmentFanOut(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append($"fragment F{i} on __Type {{ name a{i}: ofType {{ ...F{i + 1} }} b{i}: ofType {{ ...F{i + 1} }} }} ");
        }

        return text.Append($"fragment F{depth} on __Type {{ kind }}").ToString();
    }
}
