using CallCenter.LocalServers;
using CallCenter.Data;
using CallCenter.Testing;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CallCenter.Persistence.Tests;

[Collection(StoreCollection.Name)]
public sealed class CrashRecoveryTests(PostgresFixture postgres, RedisFixture redis)
{
    private const int Calls = 400;
    private const int EventsPerCall = 22;
    private readonly IDatabase _redis = redis.Connection.GetDatabase();

    [Fact]
    public async Task A_worker_killed_mid_stream_leaves_its_entries_pending_and_another_worker_claims_them_exactly_once()
    {
        var settings = new WorkerSettings(await postgres.CreateDatabaseAsync("crash"), redis.ConnectionString, $"test:{Guid.NewGuid():N}", "doomed")
        {
            BatchSize = 50,
            ClaimMinIdle = TimeSpan.FromSeconds(2),
            ClaimInterval = TimeSpan.FromMilliseconds(500),
        };
        await StreamFeeder.AddAsync(_redis, settings.Stream, Enumerable.Range(1, Calls).SelectMany(call => StreamFeeder.RealisticCall(call, "ingest-1")));

        // The real worker executable, killed with SIGKILL like a crashed container.
        var environment = settings.ToEnvironment();
        environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        environment["Logging__LogLevel__Default"] = "Warning";
        var worker = LocalProcess.Start(
            new LocalProcessSpec("persistence-doomed", "dotnet", [Path.Combine(AppContext.BaseDirectory, "CallCenter.Persistence.dll")])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                Environment = environment,
            },
            TestRun.Log);
        int committedBeforeKill;
        try
        {
            await Eventually.WaitAsync(
                async () => !worker.HasExited && await CountCallsSafeAsync(settings.Database) >= 20,
                TimeSpan.FromSeconds(90),
                $"the worker process commits its first calls ({worker.Tail()})");

            // Hold the worker's next batch inside its transaction (its event insert waits for this lock),
            // so the kill lands in the middle of a batch: read from the stream, applied, not committed.
            await using var blocker = new Npgsql.NpgsqlConnection(settings.Database);
            await blocker.OpenAsync(TestContext.Current.CancellationToken);
            await using var blocking = await blocker.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await using (var lockEvents = new Npgsql.NpgsqlCommand("LOCK TABLE call_events IN SHARE ROW EXCLUSIVE MODE", blocker, blocking))
            {
                await lockEvents.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            await Eventually.WaitAsync(
                async () => await WaitingOnLockAsync(blocker) && (await _redis.StreamPendingAsync(settings.Stream, "persistence")).PendingMessageCount > 0,
                TimeSpan.FromSeconds(30),
                "the worker is stuck mid-batch");
            worker.Kill();
            await worker.Exited.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            await blocking.RollbackAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            worker.Kill();
        }

        committedBeforeKill = await CountCallsSafeAsync(settings.Database);
        var pending = await _redis.StreamPendingAsync(settings.Stream, "persistence");
        Assert.True(committedBeforeKill < Calls, "the worker was killed before it finished");
        Assert.Contains(pending.Consumers, c => c.Name == "doomed" && c.PendingMessageCount > 0);

        await using (var rescuer = await WorkerHost.StartAsync(settings with { ConsumerName = "rescuer" }))
        {
            await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), TimeSpan.FromSeconds(120), "the rescuer drains the stream");
        }

        var calls = await CallLog.CallsAsync(settings.Database);
        Assert.Equal(Calls, calls.Count);
        Assert.All(calls, c =>
        {
            Assert.Equal(CallStatus.Completed, c.Status);
            Assert.Equal(8.977, c.TalkSeconds!.Value, 2);
            Assert.Single(c.Legs);
        });
        await using var db = CallLog.Open(settings.Database);
        Assert.Equal(Calls * EventsPerCall, await db.CallEvents.CountAsync(TestContext.Current.CancellationToken));
        var eventsPerCall = await db.CallEvents.GroupBy(e => e.CallId).Select(g => g.Count()).Distinct().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([EventsPerCall], eventsPerCall);
        var after = await _redis.StreamPendingAsync(settings.Stream, "persistence");
        Assert.Equal(0, after.PendingMessageCount);
    }

    private static async Task<bool> WaitingOnLockAsync(Npgsql.NpgsqlConnection connection)
    {
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task<int> CountCallsSafeAsync(string database)
    {
        try
        {
            return await CallLog.CountAsync(database, db => db.Calls.Where(c => c.Status == CallStatus.Completed));
        }
        catch (Npgsql.PostgresException)
        {
            // The schema is not there yet.
            return 0;
        }
    }
}
