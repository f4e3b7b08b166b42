using System.Net.WebSockets;
using System.Text;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Data;

namespace CallCenter.Api.Tests;

/// <summary>graphql-transport-ws with a raw ClientWebSocket: every message type and close code of the protocol.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebSocketTransportTests(ApiFixture fixture)
{
    private const string CallUpdated = "subscription($id: ID) { callUpdated(callId: $id) { id status version } }";

    private Uri Uri => fixture.Api.WebSocketUri;

    [Fact]
    public async Task Init_with_a_valid_token_is_acknowledged_and_ping_gets_pong()
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        Assert.Equal("graphql-transport-ws", client.Socket.SubProtocol);

        await client.InitAsync(fixture.Tokens.Supervisor());
        await client.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task Upgrade_without_the_subprotocol_is_refused()
    {
        await Assert.ThrowsAsync<WebSocketException>(() => WsTestClient.ConnectAsync(Uri, subProtocol: null));
    }

    [Fact]
    public async Task No_init_within_the_timeout_closes_4408()
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        Assert.Equal(4408, await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("{\"type\":\"connection_init\",\"payload\":{\"authorization\":\"Bearer nonsense\"}}")]
    [InlineData("{\"type\":\"connection_init\",\"payload\":{}}")]
    [InlineData("{\"type\":\"connection_init\"}")]
    public async Task Init_without_valid_credentials_closes_4403(string init)
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.SendTextAsync(init);
        Assert.Equal(4403, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task The_connection_closes_4403_when_its_token_expires()
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        // Accepted at init; the socket must not outlive it.
        var token = fixture.Tokens.Create("short", [CallCenter.Api.Security.Roles.Supervisor], lifetime: TimeSpan.FromSeconds(2));
        await client.InitAsync(token);

        Assert.Equal(4403, await client.ReceiveCloseAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("Token expired", client.CloseDescription);
    }

    [Fact]
    public async Task Second_init_closes_4429()
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        await client.SendAsync(new { type = "connection_init", payload = new { } });
        Assert.Equal(4429, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_before_ack_closes_4401()
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.SendAsync(new { type = "subscribe", id = "1", payload = new { query = "{ liveCalls { id } }" } });
        Assert.Equal(4401, await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"payload\":{}}")]
    [InlineData("{\"type\":\"launch_missiles\"}")]
    [InlineData("{\"type\":\"next\",\"id\":\"1\",\"payload\":{}}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"1\"}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"\",\"payload\":{\"query\":\"{ liveCalls { id } }\"}}")]
    [InlineData("{\"type\":\"complete\"}")]
    public async Task Invalid_messages_close_4400(string message)
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        await client.SendTextAsync(message);
        Assert.Equal(4400, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Binary_frames_close_4400()
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        await client.Socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, TestContext.Current.CancellationToken);
        Assert.Equal(4400, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Oversized_messages_close_4400_and_others_keep_working()
    {
        await using var bystander = await WsTestClient.ConnectAsync(Uri);
        await bystander.InitAsync(fixture.Tokens.Supervisor());

        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        await client.SendTextAsync("{\"type\":\"ping\",\"payload\":{\"pad\":\"" + new string('x', 70_000) + "\"}}");
        Assert.Equal(4400, await client.ReceiveCloseAsync());

        await bystander.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await bystander.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task Duplicate_operation_id_closes_4409()
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        await client.SendAsync(new { type = "subscribe", id = "dup", payload = new { query = CallUpdated } });
        await client.SendAsync(new { type = "subscribe", id = "dup", payload = new { query = CallUpdated } });
        Assert.Equal(4409, await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_query_over_the_socket_gets_next_then_complete()
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        await client.SendAsync(new { type = "subscribe", id = "q1", payload = new { query = "{ agents { extension } }" } });

        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();
        Assert.Equal("next", next?["type"]?.GetValue<string>());
        Assert.Equal("q1", next?["id"]?.GetValue<string>());
        Assert.Equal(3, next!["payload"]!["data"]!["agents"]!.AsArray().Count);
        Assert.Equal("complete", complete?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_document_that_does_not_validate_gets_an_error_message()
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        await client.SendAsync(new { type = "subscribe", id = "bad", payload = new { query = "subscription { nope }" } });

        var error = await client.ReceiveAsync();
        Assert.Equal("error", error?["type"]?.GetValue<string>());
        Assert.Equal("bad", error?["id"]?.GetValue<string>());
        Assert.NotEmpty(error!["payload"]!.AsArray());

        // The connection survives; the id can be used again.
        await client.SendAsync(new { type = "subscribe", id = "bad", payload = new { query = "{ agents { id } }" } });
        Assert.Equal("next", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task Subscription_delivers_changes_in_commit_order_and_stops_when_the_client_completes()
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        var call = await LiveCalls.StartAsync(fixture);
        await SubscribeAsync(client, "s1", new { query = CallUpdated, variables = new { id = call.Id } });

        var statuses = new[] { CallStatus.Ringing, CallStatus.Answered, CallStatus.Answered, CallStatus.Answered, CallStatus.Completed };
        foreach (var status in statuses)
        {
            await LiveCalls.ChangeAsync(fixture, call.Id, c => c.Status = status);
        }

        var versions = new List<long>();
        while (versions.Count == 0 || versions[^1] < 6)
        {
            var message = await client.ReceiveAsync();
            Assert.Equal("next", message?["type"]?.GetValue<string>());
            Assert.Equal("s1", message?["id"]?.GetValue<string>());
            versions.Add(message!["payload"]!["data"]!["callUpdated"]!["version"]!.GetValue<long>());
        }

        // Each committed version once, in order (version 1 too when the hub handled its notice after the subscription began).
        Assert.Equal(Enumerable.Range((int)versions[0], 7 - (int)versions[0]).Select(v => (long)v), versions);
        Assert.InRange(versions[0], 1, 2);

        await client.SendAsync(new { type = "complete", id = "s1" });
        await LiveCalls.ChangeAsync(fixture, call.Id, c => c.HoldCount++);
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
        Assert.Null(await ReceiveOrTimeoutAsync(client, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task Changes_reach_the_subscriber_within_100_ms_of_the_commit()
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        var call = await LiveCalls.StartAsync(fixture);
        await SubscribeAsync(client, "latency", new { query = CallUpdated, variables = new { id = call.Id } });

        var latencies = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            // The clock starts when the commit returns, as in the worker, which publishes right after committing.
            var committed = 0L;
            await LiveCalls.ChangeAsync(fixture, call.Id, c => c.HoldCount++, () => committed = System.Diagnostics.Stopwatch.GetTimestamp());
            var message = await client.ReceiveAsync();
            Assert.Equal("next", message?["type"]?.GetValue<string>());
            if (i > 0)
            {
                // The first round warms up the connection pools and JIT.
                latencies.Add(System.Diagnostics.Stopwatch.GetElapsedTime(committed).TotalMilliseconds);
            }
        }

        latencies.Sort();
        TestContext.Current.TestOutputHelper?.WriteLine($"commit-to-client ms: p50 {latencies[9]:F1}, max {latencies[^1]:F1}");
        Assert.True(latencies[17] < 100, $"p90 {latencies[17]:F1} ms");
        await LiveCalls.EndAsync(fixture, call.Id);
    }

    [Fact]
    public async Task Live_calls_changes_follow_a_call_from_ringing_to_ended()
    {
        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        await SubscribeAsync(client, "live", new { query = "subscription { liveCallsChanged { callId live call { status } } }" });

        var call = await LiveCalls.StartAsync(fixture);
        var started = await NextForAsync(client, call.Id);
        Assert.True(started["live"]!.GetValue<bool>());

        var query = await fixture.Http.DataAsync("{ liveCalls { id } }", null, fixture.Tokens.Supervisor());
        Assert.Contains(query["liveCalls"]!.AsArray(), n => n!["id"]!.GetValue<string>() == call.Id.ToString());

        await LiveCalls.EndAsync(fixture, call.Id);
        var ended = await NextForAsync(client, call.Id);
        Assert.False(ended["live"]!.GetValue<bool>());
        Assert.Equal("COMPLETED", ended["call"]!["status"]!.GetValue<string>());

        query = await fixture.Http.DataAsync("{ liveCalls { id } }", null, fixture.Tokens.Supervisor());
        Assert.DoesNotContain(query["liveCalls"]!.AsArray(), n => n!["id"]!.GetValue<string>() == call.Id.ToString());
    }

    [Fact]
    public async Task Identical_subscriptions_share_one_execution_and_each_gets_every_change()
    {
        var multiplexer = (CallCenter.Api.Transport.Subscriptions.SubscriptionMultiplexer)fixture.Api.Services
            .GetService(typeof(CallCenter.Api.Transport.Subscriptions.SubscriptionMultiplexer))!;
        var call = await LiveCalls.StartAsync(fixture);
        var before = multiplexer.StreamCount;
        await using var first = await WsTestClient.ConnectAsync(Uri);
        await using var second = await WsTestClient.ConnectAsync(Uri);
        await using var agent = await WsTestClient.ConnectAsync(Uri);
        await first.InitAsync(fixture.Tokens.Supervisor());
        await second.InitAsync(fixture.Tokens.Create("supervisor-2", [CallCenter.Api.Security.Roles.Supervisor]));
        await agent.InitAsync(fixture.Tokens.Agent(fixture.Seed.Agent1.Id));
        await SubscribeAsync(first, "a", new { query = CallUpdated, variables = new { id = call.Id } });
        // Joining a running stream happens while the subscribe message is handled, so a pong proves it is done.
        await second.SendAsync(new { type = "subscribe", id = "b", payload = new { query = CallUpdated, variables = new { id = call.Id } } });
        await second.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await second.ReceiveAsync())?["type"]?.GetValue<string>());
        await SubscribeAsync(agent, "c", new { query = CallUpdated, variables = new { id = call.Id } });

        // Same document, variables and roles: one stream; the agent's visibility differs: a second one.
        Assert.Equal(before + 2, multiplexer.StreamCount);

        await LiveCalls.ChangeAsync(fixture, call.Id, c => c.Status = CallStatus.Answered);
        var a = await first.ReceiveAsync();
        var b = await second.ReceiveAsync();
        Assert.Equal("a", a!["id"]!.GetValue<string>());
        Assert.Equal("b", b!["id"]!.GetValue<string>());
        Assert.Equal(a["payload"]!.ToJsonString(), b["payload"]!.ToJsonString());

        await first.SendAsync(new { type = "complete", id = "a" });
        await LiveCalls.EndAsync(fixture, call.Id);
        Assert.Equal("COMPLETED", (await second.ReceiveAsync())!["payload"]!["data"]!["callUpdated"]!["status"]!.GetValue<string>());

        await second.SendAsync(new { type = "complete", id = "b" });
        await agent.SendAsync(new { type = "complete", id = "c" });
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (multiplexer.StreamCount > before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Equal(before, multiplexer.StreamCount);
    }

    [Fact]
    public async Task An_agent_subscription_only_sees_the_agents_calls()
    {
        var agent = fixture.Seed.Agent2;
        await using var client = await WsTestClient.ConnectAsync(Uri);
        await client.InitAsync(fixture.Tokens.Agent(agent.Id));
        await SubscribeAsync(client, "mine", new { query = "subscription { callUpdated { id agentExtension } }" });

        await LiveCalls.StartAsync(fixture, fixture.Seed.Agent1);
        var mine = await LiveCalls.StartAsync(fixture, agent);

        var message = await client.ReceiveAsync();
        Assert.Equal(mine.Id.ToString(), message!["payload"]!["data"]!["callUpdated"]!["id"]!.GetValue<string>());
        await LiveCalls.EndAsync(fixture, mine.Id);
    }

    [Fact]
    public async Task Client_close_is_answered_with_a_clean_close()
    {
        var client = await WsTestClient.ConnectAsync(Uri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        await client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", TestContext.Current.CancellationToken);

        Assert.Equal(WebSocketState.Closed, client.Socket.State);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.Socket.CloseStatus);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Server_shutdown_closes_sockets_with_1001()
    {
        await using var api = new ApiFactory(fixture.Settings());
        api.Start();
        var client = await WsTestClient.ConnectAsync(api.WebSocketUri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        await client.SendAsync(new { type = "subscribe", id = "s", payload = new { query = CallUpdated } });

        var stopping = Task.Run(() => api.DisposeAsync().AsTask(), TestContext.Current.CancellationToken);
        Assert.Equal(1001, await client.ReceiveCloseAsync());
        await stopping.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        await client.DisposeAsync();
    }

    /// <summary>Subscribes and waits until the change hub has the new subscriber, so no notice published afterwards is missed.</summary>
    private async Task SubscribeAsync(WsTestClient client, string id, object payload)
    {
        var hub = (CallCenter.Api.Live.CallChangeHub)fixture.Api.Services.GetService(typeof(CallCenter.Api.Live.CallChangeHub))!;
        var before = hub.SubscriberCount;
        await client.SendAsync(new { type = "subscribe", id, payload });
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (hub.SubscriberCount <= before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(hub.SubscriberCount > before, "the subscription never reached the change hub");
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> NextForAsync(WsTestClient client, Guid callId)
    {
        while (true)
        {
            var message = await client.ReceiveAsync() ?? throw new InvalidOperationException("closed");
            var change = message["payload"]!["data"]!["liveCallsChanged"]!;
            if (change["callId"]!.GetValue<string>() == callId.ToString())
            {
                return change;
            }
        }
    }

    private static async Task<System.Text.Json.Nodes.JsonObject?> ReceiveOrTimeoutAsync(WsTestClient client, TimeSpan timeout)
    {
        try
        {
            return await client.ReceiveAsync(timeout);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
