using CallCenter.Data;
using CallCenter.Ingestion;
using CallCenter.Testing;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CallCenter.Persistence.Tests;

/// <summary>What the end-to-end tests start per test: a database and stream of their own, the ingestion service on the real Asterisk.</summary>
internal sealed class EndToEndPipeline(PostgresFixture postgres, RedisFixture redis, AzuriteFixture azurite, AsteriskFixture asterisk)
{
    public async Task<WorkerSettings> NewSettingsAsync() => new(
        await postgres.CreateDatabaseAsync("e2e"), redis.ConnectionString, $"e2e:{Guid.NewGuid():N}", "w1")
    {
        Recordings = true,
        Blobs = azurite.ConnectionString,
        AriBaseUrl = asterisk.Server.AriBaseUrl,
        AriUsername = asterisk.Server.AriUsername,
        AriPassword = asterisk.Server.AriPassword,
        BatchSize = 100,
    };

    public async Task<ServiceHost<IngestionOptions>> StartIngestionAsync(WorkerSettings settings)
    {
        var ingestion = new ServiceHost<IngestionOptions>("ingestion", IngestionSettings.For(
            redis.ConnectionString, asterisk.Server.AriBaseUrl, asterisk.Server.AriUsername, asterisk.Server.AriPassword, settings.Stream)).Start();
        var stream = redis.Connection.GetDatabase();
        await Eventually.WaitAsync(
            async () => (await stream.StreamRangeAsync(settings.Stream)).Any(e => e["k"] == "snapshot"),
            TimeSpan.FromSeconds(60), "the ingestion service is connected to ARI");
        return ingestion;
    }

    public static async Task<List<Call>> FinishedCallsAsync(string database)
    {
        await using var db = CallLog.Open(database);
        return await db.Calls.AsNoTracking().Include(c => c.Legs).Include(c => c.Recordings)
            .Where(c => c.EndedAt != null).ToListAsync();
    }
}
