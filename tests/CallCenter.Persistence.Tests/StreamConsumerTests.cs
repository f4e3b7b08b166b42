using System.Text.Json;
using CallCenter.Contracts;
using CallCenter.Data;
using CallCenter.Testing;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CallCenter.Persistence.Tests;

[Collection(StoreCollection.Name)]
public sealed class StreamConsumerTests(PostgresFixture postgres, RedisFixture redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private readonly IDatabase _redis = redis.Connection.GetDatabase();

    private async Task<WorkerSettings> NewSettingsAsync(string consumer = "w1") => new(
        await postgres.CreateDatabaseAsync("persist"),
        redis.ConnectionString,
        $"test:{Guid.NewGuid():N}",
        consumer);

    [Fact]
    public async Task Every_call_outcome_is_stored_with_its_timeline_and_all_entries_are_acknowledged()
    {
        var settings = await NewSettingsAsync();
        var script = new AriEventScript(Start);
        var (answered, _) = CallFlows.Answered(script);
        var missed = CallFlows.Missed(script);
        var busy = CallFlows.Busy(script);
        var failed = CallFlows.Failed(script);
        var transferred = CallFlows.BlindTransfer(script);
        await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);

        await using var worker = await WorkerHost.StartAsync(settings);
        await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the stream is drained");

        var calls = (await CallLog.CallsAsync(settings.Database)).ToDictionary(c => c.CallKey);
        Assert.Equal(5, calls.Count);
        Assert.Equal(CallStatus.Completed, calls[answered.LinkedId].Status);
        Assert.Equal(CallStatus.Missed, calls[missed.LinkedId].Status);
        Assert.Equal(CallStatus.Busy, calls[busy.LinkedId].Status);
        Assert.Equal(CallStatus.Failed, calls[failed.LinkedId].Status);
        Assert.Equal(CallStatus.Completed, calls[transferred.LinkedId].Status);
        Assert.Equal(1, calls[transferred.LinkedId].TransferCount);
        Assert.Equal(40, calls[answered.LinkedId].TalkSeconds!.Value, 2);
        Assert.Equal(script.Entries.Count, await CallLog.CountAsync(settings.Database, db => db.CallEvents));

        await using var db = CallLog.Open(settings.Database);
        var timeline = await db.CallEvents.Where(e => e.CallId == calls[answered.LinkedId].Id).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal("ChannelCreated", timeline[0].Type);
        Assert.Equal("ChannelDestroyed", timeline[^1].Type);
        using (var details = JsonDocument.Parse(timeline[^1].Details!))
        {
            Assert.Equal(16, details.RootElement.GetProperty("cause").GetInt32());
        }

        Assert.All(calls.Values, c => Assert.True(c.Version > 0));
    }

    [Fact]
    public async Task Redelivered_and_duplicated_entries_are_stored_once()
    {
        var settings = await NewSettingsAsync();
        var script = new AriEventScript(Start);
        var (caller, _) = CallFlows.Answered(script);
        await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);
        // The ingestion service retried a write that had landed: the same events (same ids) twice.
        await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);

        await using (var worker = await WorkerHost.StartAsync(settings))
        {
            await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the stream is drained");
        }

        var before = Assert.Single(await CallLog.CallsAsync(settings.Database));
        // Redeliver everything, as after a crash between commit and XACK.
        await _redis.ExecuteAsync("XGROUP", "SETID", settings.Stream, "persistence", "0");
        await using (var worker = await WorkerHost.StartAsync(settings with { ConsumerName = "w2" }))
        {
            await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the redelivered stream is drained");
        }

        var after = Assert.Single(await CallLog.CallsAsync(settings.Database));
        Assert.Equal(caller.LinkedId, after.CallKey);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.TalkSeconds, after.TalkSeconds);
        Assert.Equal(before.Legs.Count, after.Legs.Count);
        Assert.Equal(script.Entries.Count, await CallLog.CountAsync(settings.Database, db => db.CallEvents));
    }

    [Fact]
    public async Task Poison_entries_go_to_the_dead_letter_stream_with_a_reason_and_the_batch_goes_on()
    {
        var settings = await NewSettingsAsync();
        var script = new AriEventScript(Start);
        var (caller, _) = CallFlows.Answered(script);
        var entries = script.Entries.ToList();
        var valid = entries[3];
        entries.Insert(2, valid with { EventId = "bad:1", Data = "{not json" });
        entries.Insert(5, valid with { EventId = "bad:2", Data = "{\"type\":\"ChannelStateChange\",\"channel\":42}" });
        await StreamFeeder.AddAsync(_redis, settings.Stream, entries);
        await _redis.StreamAddAsync(settings.Stream, [new NameValueEntry("k", "event"), new NameValueEntry("t", "ChannelCreated")]);

        await using var worker = await WorkerHost.StartAsync(settings);
        await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the stream is drained");

        var dead = await _redis.StreamRangeAsync(settings.DeadLetterStream);
        Assert.Equal(3, dead.Length);
        var reasons = dead.Select(d => d["reason"].ToString()).ToList();
        Assert.Contains(reasons, r => r.StartsWith("malformed ARI event", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("unreadable stream entry", StringComparison.Ordinal));
        Assert.All(dead, d => Assert.False(d["stream_id"].IsNullOrEmpty));
        var call = Assert.Single(await CallLog.CallsAsync(settings.Database));
        Assert.Equal(caller.LinkedId, call.CallKey);
        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal(script.Entries.Count, await CallLog.CountAsync(settings.Database, db => db.CallEvents));
    }

    [Fact]
    public async Task A_late_event_in_a_later_batch_does_not_reopen_a_completed_call()
    {
        var settings = await NewSettingsAsync();
        var script = new AriEventScript(Start);
        var (caller, agent) = CallFlows.Answered(script);
        await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);
        await using var worker = await WorkerHost.StartAsync(settings);
        await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the call is stored");

        var late = new AriEventScript(Start.AddSeconds(1), connectionId: "late");
        agent.State = "Ringing";
        late.State(agent, "Ringing");
        await StreamFeeder.AddAsync(_redis, settings.Stream, late.Entries);
        await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the late event is consumed");

        var call = Assert.Single(await CallLog.CallsAsync(settings.Database));
        Assert.Equal(caller.LinkedId, call.CallKey);
        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.NotNull(call.EndedAt);
        Assert.Equal(40, call.TalkSeconds!.Value, 2);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_snapshot_closes_calls_whose_channels_vanished_and_keeps_live_ones(bool snapshotNamesItsAsterisk)
    {
        var settings = await NewSettingsAsync();
        var script = new AriEventScript(Start);
        var lost = script.NewChannel(CallFlows.Trunk, "998901000001", "712000000");
        script.InboundStart(lost, "inbound-lost");
        var lostAgent = script.NewChannel("PJSIP/1002", lost.CallerNumber, "s", lost, context: "from-internal");
        script.Created(lostAgent).Dial(lost, lostAgent, "").Wait(3).State(lostAgent, "Up").Dial(lost, lostAgent, "ANSWER").State(lost, "Up").Wait(10);
        var live = script.NewChannel(CallFlows.Trunk, "998901000002", "712000000");
        script.InboundStart(live, "inbound-live");
        script.Wait(600).Snapshot(snapshotNamesItsAsterisk ? script.AsteriskId : null, live);
        await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);

        await using var worker = await WorkerHost.StartAsync(settings);
        await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the stream is drained");

        var calls = (await CallLog.CallsAsync(settings.Database)).ToDictionary(c => c.CallKey);
        Assert.Equal(CallStatus.Completed, calls[lost.LinkedId].Status);
        Assert.True(calls[lost.LinkedId].Reconciled);
        // Ended at the last moment anything was heard of it (the answer), not when the snapshot was taken.
        Assert.Equal(Start.AddSeconds(3.003), calls[lost.LinkedId].EndedAt!.Value, TimeSpan.FromMilliseconds(10));
        Assert.Equal(CallStatus.Ringing, calls[live.LinkedId].Status);
        Assert.False(calls[live.LinkedId].Reconciled);
    }

    [Fact]
    public async Task Change_notices_follow_each_commit_with_increasing_versions()
    {
        var settings = await NewSettingsAsync() with { BatchSize = 4 };
        var notices = new List<CallChangeNotice>();
        var subscriber = redis.Connection.GetSubscriber();
        await subscriber.SubscribeAsync(RedisChannel.Literal(settings.NoticeChannel), (_, message) =>
        {
            lock (notices)
            {
                notices.Add(JsonSerializer.Deserialize(message.ToString(), ContractsJsonContext.Default.CallChangeNotice)!);
            }
        });
        var script = new AriEventScript(Start);
        CallFlows.Answered(script);
        await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);

        await using var worker = await WorkerHost.StartAsync(settings);
        await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the stream is drained");
        var call = Assert.Single(await CallLog.CallsAsync(settings.Database));
        await Eventually.WaitAsync(() => Task.FromResult(notices.Any(n => n.Version == call.Version)), Timeout, "the last notice arrives");
        await subscriber.UnsubscribeAsync(RedisChannel.Literal(settings.NoticeChannel));

        List<CallChangeNotice> received;
        lock (notices)
        {
            received = [.. notices];
        }

        Assert.All(received, n => Assert.Equal(call.Id, n.CallId));
        Assert.Equal(received.Select(n => n.Version).Order(), received.Select(n => n.Version));
        Assert.Equal(["ringing", "answered", "completed"], received.Select(n => n.Status).Distinct());
        // Each notice carries the call as its commit left it; the last one is the row as it stays.
        Assert.All(received, n => Assert.Equal(n.Status, n.State!.Status.ToLowerInvariant()));
        var last = received[^1].State!;
        Assert.Equal((call.Status.ToString(), call.TalkSeconds, call.EndedAt), (last.Status, last.TalkSeconds, last.EndedAt));
    }

    [Fact]
    public async Task Agents_and_contacts_are_matched_by_extension_and_number()
    {
        var settings = await NewSettingsAsync();
        await using (var setup = await WorkerHost.StartAsync(settings))
        {
            await Eventually.WaitAsync(() => Task.FromResult(setup.Get<DatabaseReadiness>().IsReady), Timeout, "migrations are applied");
        }

        var agentId = Guid.CreateVersion7();
        var contactId = Guid.CreateVersion7();
        await using (var db = CallLog.Open(settings.Database))
        {
            db.Agents.Add(new Agent { Id = agentId, Extension = "1002", Name = "Dilnoza" });
            db.Contacts.Add(new Contact { Id = contactId, PhoneNumber = "998901234567", Name = "Akmal", Company = "Paxta LLC" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var script = new AriEventScript(Start);
        CallFlows.Answered(script, callerNumber: "+998 90 123-45-67");
        await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);
        await using var worker = await WorkerHost.StartAsync(settings);
        await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the stream is drained");

        var call = Assert.Single(await CallLog.CallsAsync(settings.Database));
        Assert.Equal(agentId, call.AgentId);
        Assert.Equal(contactId, call.ContactId);
    }

    [Fact]
    public async Task Two_workers_sharing_the_stream_count_every_event_exactly_once()
    {
        var settings = await NewSettingsAsync("a") with { BatchSize = 7 };
        var script = new AriEventScript(Start);
        var callers = new List<ScriptChannel>();
        for (var i = 0; i < 40; i++)
        {
            callers.Add(CallFlows.Answered(script, callerNumber: $"99890{i:D7}", talkSeconds: 30 + i).Caller);
            CallFlows.AttendedTransfer(script);
        }

        await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);
        await using (var first = await WorkerHost.StartAsync(settings))
        await using (var second = await WorkerHost.StartAsync(settings with { ConsumerName = "b" }))
        {
            await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the stream is drained");
        }

        var calls = (await CallLog.CallsAsync(settings.Database)).ToDictionary(c => c.CallKey);
        // 40 answered calls, 40 customer calls with an attended transfer and their 40 consultation calls.
        Assert.Equal(120, calls.Count);
        Assert.All(calls.Values, c => Assert.Equal(CallStatus.Completed, c.Status));
        for (var i = 0; i < callers.Count; i++)
        {
            Assert.Equal(30 + i, calls[callers[i].LinkedId].TalkSeconds!.Value, 2);
        }

        Assert.Equal(40, calls.Values.Count(c => c.TransferCount == 1));
        Assert.Equal(script.Entries.Count, await CallLog.CountAsync(settings.Database, db => db.CallEvents));
    }

    [Fact]
    public async Task Retention_deletes_finished_calls_older_than_the_setting_with_their_timeline_and_keeps_the_rest()
    {
        var settings = await NewSettingsAsync();
        var old = new AriEventScript(DateTimeOffset.UtcNow.AddDays(-40));
        var (oldCaller, _) = CallFlows.Answered(old);
        var recent = new AriEventScript(DateTimeOffset.UtcNow.AddDays(-2));
        var (recentCaller, _) = CallFlows.Answered(recent);
        await StreamFeeder.AddAsync(_redis, settings.Stream, old.Entries.Concat(recent.Entries));
        await using (var worker = await WorkerHost.StartAsync(settings))
        {
            await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the stream is drained");
        }

        Assert.Equal(2, (await CallLog.CallsAsync(settings.Database)).Count);
        await using (var worker = await WorkerHost.StartAsync(settings with { RetentionDays = 30 }))
        {
            await Eventually.WaitAsync(async () => (await CallLog.CallsAsync(settings.Database)).Count == 1, Timeout, "retention deletes the old call");
        }

        var kept = Assert.Single(await CallLog.CallsAsync(settings.Database));
        Assert.Equal(recentCaller.LinkedId, kept.CallKey);
        Assert.NotEqual(oldCaller.LinkedId, kept.CallKey);
        Assert.Equal(recent.Entries.Count, await CallLog.CountAsync(settings.Database, db => db.CallEvents));
        Assert.Equal(kept.Legs.Count, await CallLog.CountAsync(settings.Database, db => db.CallLegs));
    }
}
