using CallCenter.Api.Live;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Contracts;
using CallCenter.Persistence.Consumption;
using CallCenter.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests;

/// <summary>
/// Subscriptions keep their word: each committed version reaches a subscriber once, in order, with that version's
/// state, even when the row has moved on before the notice is handled; a subscriber that falls behind is ended.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LiveUpdateVersionTests(ApiFixture fixture)
{
    [Fact]
    public async Task Each_version_arrives_once_with_its_own_state_when_the_row_is_already_newer()
    {
        await using var client = await WsTestClient.ConnectAsync(fixture.Api.WebSocketUri);
        await client.InitAsync(fixture.Tokens.Supervisor());
        var call = await LiveCalls.StartAsync(fixture, callerNumber: "998955556666");
        var hub = (CallChangeHub)fixture.Api.Services.GetService(typeof(CallChangeHub))!;
        var before = hub.SubscriberCount;
        await client.SendAsync(new { type = "subscribe", id = "v", payload = new { query = "subscription($id: ID) { callUpdated(callId: $id) { id status version talkSeconds } }", variables = new { id = call.Id } } });
        while (hub.SubscriberCount <= before)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        // Three commits land before any of their notices is handled (as when the API lags behind the worker).
        var notices = new List<CallChangeNotice>();
        foreach (var change in new Action<Call>[]
        {
            c => c.Status = CallStatus.Answered,
            c => c.HoldCount++,
            c => { c.Status = CallStatus.Completed; c.TalkSeconds = 42; },
        })
        {
            await using var db = fixture.CreateDbContext();
            var row = (await db.Calls.FindAsync([call.Id], TestContext.Current.CancellationToken))!;
            change(row);
            row.Version++;
            row.UpdatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            notices.Add(CommittedCallState.NoticeOf(row, DateTimeOffset.UtcNow));
        }

        // …and one notice is published twice (a re-publication), one arrives late.
        foreach (var notice in new[] { notices[0], notices[0], notices[1], notices[2], notices[1] })
        {
            await fixture.PublishAsync(notice);
        }

        var received = new List<(long Version, string Status, double? Talk)>();
        while (received.Count == 0 || received[^1].Version < 4)
        {
            var message = await client.ReceiveAsync() ?? throw new InvalidOperationException("closed");
            var updated = message["payload"]!["data"]!["callUpdated"]!;
            received.Add((updated["version"]!.GetValue<long>(), updated["status"]!.GetValue<string>(), updated["talkSeconds"]?.GetValue<double>()));
        }

        // Version 1 too when the hub handled its notice after the subscription began.
        Assert.Equal([(2L, "ANSWERED", (double?)null), (3L, "ANSWERED", null), (4L, "COMPLETED", 42d)], received.SkipWhile(r => r.Version == 1 && r.Status == "RINGING"));
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_subscriber_that_falls_behind_is_ended_instead_of_losing_versions()
    {
        var hub = (CallChangeHub)fixture.Api.Services.GetService(typeof(CallChangeHub))!;
        using var notices = new NoticeCounter();
        using var subscription = hub.Subscribe();
        var call = await LiveCalls.StartAsync(fixture, callerNumber: "998955557777");
        var capacity = new Options.LiveUpdatesOptions().SubscriberBufferCapacity;

        // Nobody reads: one change more than the queue holds.
        for (var i = 0; i < capacity; i++)
        {
            await LiveCalls.ChangeAsync(fixture, call.Id, c => c.HoldCount++);
        }

        // The hub hands the notices over after they were published: reading before it offered the last one would make
        // room in the queue, so the subscriber is left alone until the hub has ended it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!subscription.FellBehind)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"Not ended within 60 s: {subscription.Reader.Count} changes queued; " +
                $"the API received {notices.Count} notices while {capacity + 1} were published.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var versions = new List<long>();
        var error = await Assert.ThrowsAsync<SubscriberFellBehindError>(async () =>
        {
            await foreach (var change in subscription.Reader.ReadAllAsync(TestContext.Current.CancellationToken))
            {
                versions.Add(change.Call!.Version);
            }
        });

        Assert.Equal(SubscriberFellBehindError.ErrorCode, error.Code);
        Assert.Equal(Enumerable.Range(1, capacity).Select(v => (long)v), versions);
    }
}
