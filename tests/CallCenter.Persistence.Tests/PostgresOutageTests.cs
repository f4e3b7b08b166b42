using CallCenter.Persistence.Consumption;
using CallCenter.Data;
using CallCenter.Testing;
using StackExchange.Redis;

namespace CallCenter.Persistence.Tests;

[Collection(PostgresOutageCollection.Name)]
public sealed class PostgresOutageTests(PostgresFixture postgres, RedisFixture redis)
{
    private readonly IDatabase _redis = redis.Connection.GetDatabase();

    [Fact]
    public async Task While_PostgreSQL_is_down_nothing_is_acknowledged_and_everything_lands_when_it_is_back()
    {
        var settings = new WorkerSettings(await postgres.CreateDatabaseAsync("outage"), redis.ConnectionString, $"test:{Guid.NewGuid():N}", "w1") { BatchSize = 30 };
        await using var worker = await WorkerHost.StartAsync(settings);
        await StreamFeeder.AddAsync(_redis, settings.Stream, StreamFeeder.RealisticCall(1, "ingest"));
        await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), TimeSpan.FromSeconds(60), "the first call is stored");

        await postgres.Server.StopAsync();
        try
        {
            await StreamFeeder.AddAsync(_redis, settings.Stream, Enumerable.Range(2, 5).SelectMany(call => StreamFeeder.RealisticCall(call, "ingest")));
            await Eventually.WaitAsync(
                async () => await CallLog.PendingAsync(_redis, settings.Stream) > 0 && worker.Get<ConsumerState>().Failure is not null,
                TimeSpan.FromSeconds(30),
                "the worker has read entries it cannot commit");
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

            var group = (await _redis.StreamGroupInfoAsync(settings.Stream)).Single(g => g.Name == "persistence");
            // Every entry written during the outage is still either undelivered or pending: none acknowledged early.
            Assert.Equal(5 * 22, group.PendingMessageCount + (group.Lag ?? 0));
            Assert.True(group.PendingMessageCount > 0);
        }
        finally
        {
            await postgres.Server.StartAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.WaitAsync(() => CallLog.DrainedAsync(_redis, settings.Stream), TimeSpan.FromSeconds(90), "the backlog is committed after the database is back");
        var calls = await CallLog.CallsAsync(settings.Database);
        Assert.Equal(6, calls.Count);
        Assert.All(calls, c => Assert.Equal(CallStatus.Completed, c.Status));
        Assert.Equal(6 * 22, await CallLog.CountAsync(settings.Database, db => db.CallEvents));
        Assert.Null(worker.Get<ConsumerState>().Failure);
    }
}
