using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CallCenter.Api.Tests.Infrastructure;

namespace CallCenter.Api.Tests;

/// <summary>Interoperability with the reference client: the graphql-ws npm package, run by Node.js.</summary>
[Collection(ApiCollection.Name)]
public sealed class GraphQLWsInteropTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_graphql_ws_client_receives_changes_in_order_and_completes_cleanly()
    {
        using var node = StartClient(fixture.Tokens.Supervisor(), "subscription($id: ID) { callUpdated(callId: $id) { id version status } }", 3, out var lines, "{\"id\":null}");
        Assert.Equal("connected", (await NextAsync(lines))["event"]!.GetValue<string>());
        var hub = (CallCenter.Api.Live.CallChangeHub)fixture.Api.Services.GetService(typeof(CallCenter.Api.Live.CallChangeHub))!;
        await WaitUntilAsync(() => hub.SubscriberCount > 0);

        var call = await LiveCalls.StartAsync(fixture, callerNumber: "998911112222");
        await LiveCalls.ChangeAsync(fixture, call.Id, c => c.Status = Data.CallStatus.Answered);
        await LiveCalls.EndAsync(fixture, call.Id);

        var versions = new List<long>();
        while (versions.Count < 3)
        {
            var line = await NextAsync(lines);
            Assert.Equal("next", line["event"]!.GetValue<string>());
            var updated = line["payload"]!["data"]!["callUpdated"]!;
            if (updated["id"]!.GetValue<string>() == call.Id.ToString())
            {
                versions.Add(updated["version"]!.GetValue<long>());
            }
        }

        Assert.Equal(versions.Order(), versions);
        Assert.Equal(3, versions[^1]);
        Assert.Equal("completed-by-client", (await NextAsync(lines))["event"]!.GetValue<string>());
        // graphql-ws reports its own unsubscribe as a local "complete"; then dispose closes the socket normally.
        var closed = await NextAsync(lines);
        if (closed["event"]!.GetValue<string>() == "complete")
        {
            closed = await NextAsync(lines);
        }

        Assert.Equal("closed", closed["event"]!.GetValue<string>());
        Assert.Equal(1000, closed["code"]!.GetValue<int>());
        Assert.True(node.WaitForExit(10_000));
        Assert.Equal(0, node.ExitCode);
    }

    [Fact]
    public async Task The_graphql_ws_client_is_rejected_with_4403_for_a_bad_token()
    {
        using var node = StartClient("not-a-token", "subscription { liveCallsChanged { callId } }", 1, out var lines);

        var events = new List<JsonObject>();
        while (events.Count == 0 || events[^1]["event"]!.GetValue<string>() != "closed")
        {
            events.Add(await NextAsync(lines));
        }

        Assert.DoesNotContain(events, e => e["event"]!.GetValue<string>() == "connected");
        Assert.Equal(4403, events[^1]["code"]!.GetValue<int>());
        node.WaitForExit(10_000);
    }

    private Process StartClient(string token, string query, int messages, out ChannelReader<JsonObject> lines, string? variables = null)
    {
        string[] arguments = [fixture.Api.WebSocketUri.AbsoluteUri, token, query, messages.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        return NodeScript.Start("graphql-ws-client.cjs", variables is null ? arguments : [.. arguments, variables], out lines);
    }

    private static async Task<JsonObject> NextAsync(ChannelReader<JsonObject> lines)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        return await lines.ReadAsync(timeout.Token);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
