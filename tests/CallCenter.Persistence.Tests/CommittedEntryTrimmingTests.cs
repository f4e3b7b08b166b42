using CallCenter.Persistence.Consumption;
using CallCenter.Testing;
using StackExchange.Redis;

namespace CallCenter.Persistence.Tests;

/// <summary>
/// The worker trims what every consumer group has acknowledged from the stream (Redis's memory stays flat), never an
/// entry a group still holds or has not been given, and never the last entry (the ingestion's exactly-once check).
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class CommittedEntryTrimmingTests(PostgresFixture postgres, RedisFixture redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private readonly IDatabase _redis = redis.Connection.GetDatabase();

    [Fact]
    public async Task Entries_every_group_acknowledged_are_trimmed_and_the_rest_and_the_last_entry_stay()
    {
        var settings = new WorkerSettings(await postgres.CreateDatabaseAsync("trim"), redis.ConnectionString, $"test:{Guid.NewGuid():N}", "w1")
        {
            KeepCommittedFor = TimeSpan.Zero,
        };
        var script = new AriEventScript(Start);
        CallFlows.Answered(script);
        CallFlows.Missed(script);
        await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);
        var ids = (await _redis.StreamRangeAsync(settings.Stream)).Select(e => e.Id.ToString()).ToList();

        // Another reader of the stream (its own consumer group) has taken five entries and acknowledged two.
        await _redis.StreamCreateConsumerGroupAsync(settings.Stream, "other", "0");
        var taken = await _redis.StreamReadGroupAsync(settings.Stream, "other", "reader", ">", 5);
        await _redis.StreamAcknowledgeAsync(settings.Stream, "other", [taken[0].Id, taken[1].Id]);

        await using var worker = await WorkerHost.StartAsync(settings);
        await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the worker has committed everything");
        Assert.Equal(2, (await CallLog.CallsAsync(settings.Database)).Count);
        await Eventually.WaitAsync(async () => await FirstIdAsync() == ids[2], Timeout, "the entries both groups acknowledged are trimmed");
        Assert.Equal(ids.Skip(2), (await _redis.StreamRangeAsync(settings.Stream)).Select(e => e.Id.ToString()));

        // The other reader acknowledges what it holds and reads the rest: only the last entry stays.
        await _redis.StreamAcknowledgeAsync(settings.Stream, "other", [.. taken.Skip(2).Select(e => e.Id)]);
        var rest = await _redis.StreamReadGroupAsync(settings.Stream, "other", "reader", ">", ids.Count);
        await _redis.StreamAcknowledgeAsync(settings.Stream, "other", [.. rest.Select(e => e.Id)]);
        await Eventually.WaitAsync(async () => await _redis.StreamLengthAsync(settings.Stream) == 1, Timeout, "all but the last entry are trimmed");
        Assert.Equal(ids[^1], await FirstIdAsync());

        // Trimming leaves the group's bookkeeping exact: Redis still knows the lag (0), which health and diagnostics read.
        Assert.True(await CallLog.DrainedAsync(_redis, settings.Stream), "the group's lag is no longer known after trimming");

        async Task<string?> FirstIdAsync() =>
            (await _redis.StreamRangeAsync(settings.Stream, "-", "+", 1)).Select(e => e.Id.ToString()).FirstOrDefault();
    }

    [Fact]
    public async Task Nothing_is_trimmed_while_committed_entries_are_younger_than_the_time_they_are_kept()
    {
        var settings = new WorkerSettings(await postgres.CreateDatabaseAsync("keep"), redis.ConnectionString, $"test:{Guid.NewGuid():N}", "w1");
        var script = new AriEventScript(Start);
        CallFlows.Answered(script);
        await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);

        await using var worker = await WorkerHost.StartAsync(settings);
        await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), Timeout, "the worker has committed everything");
        // Several trim intervals (200 ms in these settings) pass; the default keeps committed entries a minute.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(script.Entries.Count, await _redis.StreamLengthAsync(settings.Stream));
    }

    [Fact]
    public void A_group_that_acknowledged_everything_between_the_two_reads_keeps_the_entry_after_its_last_delivered_one()
    {
        // XINFO GROUPS said entries were pending, XPENDING then found none: a fresh-clone run's worker crashed on the
        // missing lowest pending id (a NullReferenceException that stopped the whole host).
        Assert.Equal(new StreamEntryId(1700000000005, 4), CommittedEntryTrimmer.GroupFloor(null, "1700000000005-3"));
        Assert.Equal(new StreamEntryId(1700000000002, 0), CommittedEntryTrimmer.GroupFloor("1700000000002-0", "1700000000005-3"));
        Assert.Equal(new StreamEntryId(0, 1), CommittedEntryTrimmer.GroupFloor(null, null));
    }
}
