using CallCenter.Contracts;
using CallCenter.Testing;
using StackExchange.Redis;

namespace CallCenter.Ingestion.Tests;

/// <summary>Real calls through the real Asterisk into the real Redis, with the ingestion service in between.</summary>
[Collection(AsteriskCollection.Name)]
public sealed class CallEventsTests(RedisFixture redis, AsteriskFixture asterisk)
{
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromSeconds(60);

    private ServiceHost<Program> StartIngestion(string stream) => IngestionHost.Create(
        redis.ConnectionString, asterisk.Server.AriBaseUrl, asterisk.Server.AriUsername, asterisk.Server.AriPassword, stream);

    [Fact]
    public async Task Each_inbound_call_lands_in_the_stream_in_order_keyed_by_linkedid_with_the_stasis_args()
    {
        var stream = $"test:{Guid.NewGuid():N}";
        await using var host = StartIngestion(stream);
        var database = redis.Connection.GetDatabase();
        await StreamReader.WaitForAsync(database, stream, e => e.Any(x => x.Kind == AriStreamEntryKind.Snapshot), StreamTimeout);

        var result = await asterisk.Sipp.PlaceCallsAsync(
            new SippCallOptions("2000") { Calls = 3, Rate = 3, CallerNumber = "998901112233" }, TestContext.Current.CancellationToken);
        Assert.True(result.AllSucceeded, result.ToString());

        var entries = await StreamReader.WaitForAsync(database, stream, e => CompletedCalls(e).Count >= 3, StreamTimeout);
        AssertStrictlyOrdered(entries);
        var calls = CompletedCalls(entries);
        Assert.Equal(3, calls.Count);
        // The snapshot names its PBX even though no event had arrived yet when it was taken.
        var snapshot = entries.First(e => e.Kind == AriStreamEntryKind.Snapshot);
        Assert.False(string.IsNullOrEmpty(snapshot.AsteriskId));
        Assert.Equal(calls.Values.First()[0].AsteriskId, snapshot.AsteriskId);
        foreach (var (callKey, events) in calls)
        {
            Assert.Equal("ChannelCreated", events[0].Type);
            Assert.Equal("ChannelDestroyed", events[^1].Type);
            Assert.All(events, e => Assert.Equal(callKey, e.CallKey));
            var stasisStart = events.Single(e => e.Type == "StasisStart");
            Assert.Contains("\"args\":[\"inbound\",\"998901112233\",\"2000\"]", stasisStart.Data, StringComparison.Ordinal);
            // Received in Asterisk's order: the stream order is also the order of Asterisk's own timestamps.
            var stamps = events.Select(e => EventTimestamp(e.Data)).ToList();
            Assert.Equal(stamps.Order(), stamps);
        }
    }

    [Fact]
    public async Task Restarting_Asterisk_during_calls_reconnects_writes_a_snapshot_and_neither_duplicates_nor_reorders()
    {
        var stream = $"test:{Guid.NewGuid():N}";
        await using var host = StartIngestion(stream);
        var database = redis.Connection.GetDatabase();
        await StreamReader.WaitForAsync(database, stream, e => e.Any(x => x.Kind == AriStreamEntryKind.Snapshot), StreamTimeout);

        // Calls that are up (answered, talking) when Asterisk goes away.
        var calls = asterisk.Sipp.PlaceCallsAsync(
            new SippCallOptions("2000") { Calls = 4, Rate = 4, Timeout = TimeSpan.FromSeconds(30) }, TestContext.Current.CancellationToken);
        await StreamReader.WaitForAsync(database, stream, e => e.Count(x => x.Type == "StasisStart") >= 4, StreamTimeout);

        await asterisk.Server.StopAsync();
        await asterisk.Server.StartAsync(TestContext.Current.CancellationToken);
        await calls; // sipp's calls died with Asterisk; only the bound on their run matters here.

        var entries = await StreamReader.WaitForAsync(
            database, stream, e => e.Count(x => x.Kind == AriStreamEntryKind.Snapshot) >= 2, StreamTimeout);
        AssertStrictlyOrdered(entries);
        var snapshots = entries.Where(e => e.Kind == AriStreamEntryKind.Snapshot).ToList();
        var reconnectSnapshot = System.Text.Json.JsonSerializer.Deserialize(snapshots[1].Data, ContractsJsonContext.Default.ChannelSnapshot)!;
        Assert.Equal(2, reconnectSnapshot.ConnectionNumber);
        // Asterisk restarted: none of the calls that were up survived, and the snapshot says so.
        var liveBefore = entries.Where(e => e.Type == "StasisStart").Select(e => e.CallKey).ToHashSet();
        Assert.DoesNotContain(reconnectSnapshot.Channels, c => liveBefore.Contains(c.CallKey));

        // And after the reconnect the service goes on ingesting new calls.
        var after = await asterisk.Sipp.PlaceCallsAsync(new SippCallOptions("2000"), TestContext.Current.CancellationToken);
        Assert.True(after.AllSucceeded, after.ToString());
        entries = await StreamReader.WaitForAsync(
            database, stream, e => e.SkipWhile(x => x.EventId != snapshots[1].EventId).Any(x => x.Type == "ChannelDestroyed"), StreamTimeout);
        AssertStrictlyOrdered(entries);
    }

    [Fact]
    public async Task Stopping_Redis_during_calls_buffers_the_events_and_delivers_them_in_order_when_it_is_back()
    {
        var stream = $"test:{Guid.NewGuid():N}";
        await using var host = StartIngestion(stream);
        var database = redis.Connection.GetDatabase();
        await StreamReader.WaitForAsync(database, stream, e => e.Any(x => x.Kind == AriStreamEntryKind.Snapshot), StreamTimeout);

        var calls = asterisk.Sipp.PlaceCallsAsync(
            new SippCallOptions("2000") { Calls = 4, Rate = 2, CallerNumber = "998907654321" }, TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await redis.Server.StopAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(4), TestContext.Current.CancellationToken);
        }
        finally
        {
            await redis.Server.StartAsync(TestContext.Current.CancellationToken);
        }

        var result = await calls;
        Assert.True(result.AllSucceeded, result.ToString());
        var entries = await StreamReader.WaitForAsync(database, stream, e => CompletedCalls(e).Count >= 4, StreamTimeout);
        var writer = host.Get<Streaming.StreamWriterState>();
        Assert.True(writer.FailedWrites > 0, "the outage should have made writes fail (and be retried)");
        Assert.Equal(0, writer.Dropped);
        AssertStrictlyOrdered(entries);
        // Nothing lost: every ordinal from the first to the last is there exactly once.
        var ordinals = entries.Select(StreamReader.Ordinal).ToList();
        Assert.Equal(Enumerable.Range((int)ordinals[0], ordinals.Count).Select(i => (long)i), ordinals);
        Assert.All(CompletedCalls(entries).Values, events => Assert.Equal("ChannelCreated", events[0].Type));
    }

    /// <summary>Calls (by call key) whose events run from ChannelCreated of the first channel to ChannelDestroyed of the last.</summary>
    private static Dictionary<string, List<AriStreamEntry>> CompletedCalls(IReadOnlyList<AriStreamEntry> entries)
    {
        var calls = entries.Where(e => e.Kind == AriStreamEntryKind.Event && e.CallKey is not null)
            .GroupBy(e => e.CallKey!)
            .ToDictionary(g => g.Key, g => g.ToList());
        return calls.Where(call =>
            {
                var created = call.Value.Where(e => e.Type == "ChannelCreated").Select(e => e.ChannelId).ToHashSet();
                var destroyed = call.Value.Where(e => e.Type == "ChannelDestroyed").Select(e => e.ChannelId).ToHashSet();
                return created.Count > 0 && created.SetEquals(destroyed);
            })
            .ToDictionary(call => call.Key, call => call.Value);
    }

    /// <summary>Each entry once, in the order the service received them (the ordinal of its idempotency key).</summary>
    private static void AssertStrictlyOrdered(IReadOnlyList<AriStreamEntry> entries)
    {
        Assert.Equal(entries.Count, entries.Select(e => e.EventId).Distinct().Count());
        var ordinals = entries.Select(StreamReader.Ordinal).ToList();
        Assert.Equal(ordinals.Order(), ordinals);
    }

    private static DateTimeOffset EventTimestamp(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var text = document.RootElement.GetProperty("timestamp").GetString()!;
        // ARI writes "+0000" offsets; .NET wants "+00:00".
        return DateTimeOffset.Parse(text.Insert(text.Length - 2, ":"), System.Globalization.CultureInfo.InvariantCulture);
    }
}
