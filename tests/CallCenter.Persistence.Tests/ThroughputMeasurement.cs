using System.Diagnostics;
using CallCenter.Testing;
using StackExchange.Redis;

namespace CallCenter.Persistence.Tests;

/// <summary>
/// Replays generated-but-realistic calls (RealisticCallEvents, ~22 events each) through Redis into
/// PostgreSQL and reports the worker's sustained rate. Explicit: run it with
/// `dotnet test tests/CallCenter.Persistence.Tests -- --explicit only` (it is a measurement, not a gate).
/// </summary>
[Collection(StoreCollection.Name)]
public sealed class ThroughputMeasurement(PostgresFixture postgres, RedisFixture redis)
{
    [Fact(Explicit = true)]
    public async Task Replay_realistic_calls_and_report_events_per_second()
    {
        var calls = int.TryParse(Environment.GetEnvironmentVariable("CALLCENTER_BENCH_CALLS"), out var configured) ? configured : 5000;
        var database = redis.Connection.GetDatabase();
        var settings = new WorkerSettings(await postgres.CreateDatabaseAsync("bench"), redis.ConnectionString, $"bench:{Guid.NewGuid():N}", "bench")
        {
            BatchSize = int.TryParse(Environment.GetEnvironmentVariable("CALLCENTER_BENCH_BATCH"), out var batch) ? batch : 1000,
        };
        var entries = Enumerable.Range(1, calls).SelectMany(call => StreamFeeder.RealisticCall(call, "bench")).ToList();
        await StreamFeeder.AddAsync(database, settings.Stream, entries);

        var stopwatch = Stopwatch.StartNew();
        await using var worker = await WorkerHost.StartAsync(settings);
        var migrated = stopwatch.Elapsed;
        await Eventually.WaitAsync(() => CallLog.DrainedAsync(database, settings.Stream), TimeSpan.FromMinutes(30), "the replay is drained");
        var elapsed = stopwatch.Elapsed - migrated;

        Assert.Equal(calls, await CallLog.CountAsync(settings.Database, db => db.Calls));
        var line = $"{calls} calls, {entries.Count} events in {elapsed.TotalSeconds:0.0} s: {calls / elapsed.TotalSeconds:0} calls/s, {entries.Count / elapsed.TotalSeconds:0} events/s, worker+test RSS {Environment.WorkingSet / (1024 * 1024)} MiB";
        TestContext.Current.SendDiagnosticMessage(line);
        TestRun.Log("bench", line);
        Console.WriteLine(line);
    }
}
