using CallCenter.Data;
using CallCenter.Testing;
using Microsoft.Extensions.Logging;

namespace CallCenter.Persistence.Tests;

[Collection(StoreCollection.Name)]
public sealed class FirstStartTests(PostgresFixture postgres, RedisFixture redis)
{
    [Fact]
    public async Task A_first_start_on_a_new_database_migrates_it_and_logs_no_error()
    {
        var settings = new WorkerSettings(await postgres.CreateDatabaseAsync("first"), redis.ConnectionString, $"test:{Guid.NewGuid():N}", "first");
        var logs = new LogCapture(LogLevel.Warning);

        // Returns once the worker reports the schema migrated.
        await using (await WorkerHost.StartAsync(settings, logs))
        {
        }

        await using var db = CallLog.Open(settings.Database);
        Assert.Empty(await MigrationHistory.PendingAsync(db, TestContext.Current.CancellationToken));
        Assert.Empty(logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}"));
    }
}
