using System.Text.Json.Nodes;
using CallCenter.Api.Live;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.LocalServers;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests;

/// <summary>The client tools frontends use, from npm: graphql-codegen generates typed clients, Apollo Client queries and subscribes.</summary>
[Collection(ApiCollection.Name)]
public sealed class TypedClientTests(ApiFixture fixture)
{
    private string GraphQLUrl => new Uri(fixture.Api.BaseAddress, "graphql").AbsoluteUri;

    [Fact]
    public async Task Graphql_codegen_generates_the_same_types_from_the_running_api_and_from_schema_graphql()
    {
        var lines = await NodeScript.RunAsync(
            "codegen.cjs",
            [GraphQLUrl, fixture.Tokens.Supervisor(), Path.Combine(Prerequisites.RepositoryRoot, "src", "CallCenter.Api", "schema.graphql"), NodeScript.ScriptPath("operations.graphql")],
            TimeSpan.FromMinutes(3),
            workingDirectory: Prerequisites.ToolsDirectory);

        var fromUrl = lines.Single(l => l["source"]!.GetValue<string>() == "url")["files"]!["types.ts"]!.GetValue<string>();
        var fromFile = WithoutScalarDescriptions(lines.Single(l => l["source"]!.GetValue<string>() == "file")["files"]!["types.ts"]!.GetValue<string>());
        Assert.Contains("export type RecentCallsQuery = ", fromUrl, StringComparison.Ordinal);
        Assert.Contains("export type CallChangesSubscription = ", fromUrl, StringComparison.Ordinal);
        Assert.Contains("export enum CallStatus {", fromUrl, StringComparison.Ordinal);
        if (fromFile != fromUrl)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "codegen-from-file.ts"), fromFile);
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "codegen-from-url.ts"), fromUrl);
        }

        Assert.Equal(fromFile, fromUrl);
    }

    // graphql-codegen's typescript plugin takes a scalar's description from its SDL node only, which a schema built from
    // introspection does not have (checked with graphql-codegen 5.0.7 on a two-line schema); everything else must match.
    private static string WithoutScalarDescriptions(string generated)
    {
        var start = generated.IndexOf("export type Scalars = {", StringComparison.Ordinal);
        var end = generated.IndexOf("\n};", start, StringComparison.Ordinal);
        var scalars = string.Join('\n', generated[start..end].Split('\n').Where(line => !line.StartsWith("  /**", StringComparison.Ordinal)));
        return generated[..start] + scalars + generated[end..];
    }

    [Fact]
    public async Task Apollo_client_runs_a_query_and_receives_a_call_change_over_graphql_ws()
    {
        using var node = NodeScript.Start("apollo-client.cjs", [GraphQLUrl, fixture.Api.WebSocketUri.AbsoluteUri, fixture.Tokens.Supervisor(), "1"], out var lines);
        try
        {
            var query = await NextAsync(lines);
            Assert.Equal("query", query["event"]!.GetValue<string>());
            Assert.Null(query["error"]);
            Assert.True(query["data"]!["calls"]!["totalCount"]!.GetValue<int>() > 0);
            Assert.Equal("subscribing", (await NextAsync(lines))["event"]!.GetValue<string>());

            var hub = fixture.Api.Services.GetRequiredService<CallChangeHub>();
            var subscribers = hub.SubscriberCount;
            var call = await WaitForSubscriberThenStartCallAsync(hub, subscribers);

            JsonObject next;
            do
            {
                next = await NextAsync(lines);
                Assert.Equal("next", next["event"]!.GetValue<string>());
            }
            while (next["data"]!["callUpdated"]!["id"]!.GetValue<string>() != call.Id.ToString());

            Assert.Equal("RINGING", next["data"]!["callUpdated"]!["status"]!.GetValue<string>());
            Assert.Equal("done", (await NextAsync(lines))["event"]!.GetValue<string>());
            Assert.True(node.WaitForExit(10_000));
            Assert.Equal(0, node.ExitCode);
        }
        finally
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
            }
        }
    }

    // The subscription is registered when the hub counts one more subscriber; only then is a change sure to reach it.
    private async Task<CallCenter.Data.Call> WaitForSubscriberThenStartCallAsync(CallChangeHub hub, int before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (hub.SubscriberCount <= before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(hub.SubscriberCount > before, "Apollo's subscription never reached the API.");
        return await LiveCalls.StartAsync(fixture, callerNumber: "998933334444");
    }

    private static async Task<JsonObject> NextAsync(System.Threading.Channels.ChannelReader<JsonObject> lines)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        return await lines.ReadAsync(timeout.Token);
    }
}
