using System.Text.Json;
using CallCenter.Contracts;
using CallCenter.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CallCenter.Persistence.Tests;

internal static class StreamFeeder
{
    /// <summary>XADDs entries exactly as the ingestion service writes them (AriStreamEntry.ToFields).</summary>
    public static async Task<List<RedisValue>> AddAsync(IDatabase redis, string stream, IEnumerable<AriStreamEntry> entries)
    {
        var ids = new List<RedisValue>();
        foreach (var chunk in entries.Chunk(500))
        {
            var batch = redis.CreateBatch();
            var adds = chunk.Select(e => batch.StreamAddAsync(stream, [.. e.ToFields().Select(f => new NameValueEntry(f.Key, f.Value))])).ToList();
            batch.Execute();
            foreach (var add in adds)
            {
                ids.Add(await add);
            }
        }

        return ids;
    }

    /// <summary>Entries for RealisticCallEvents' generated call (as the ingestion service would key them).</summary>
    public static IEnumerable<AriStreamEntry> RealisticCall(int call, string connectionId)
    {
        var ordinal = 0;
        foreach (var json in CallCenter.Testing.RealisticCallEvents.ForCall(call))
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var channel = root.GetProperty("channel");
            var linkedId = channel.GetProperty("channelvars").GetProperty("CHANNEL(linkedid)").GetString();
            yield return new AriStreamEntry(
                AriStreamEntryKind.Event,
                root.GetProperty("type").GetString()!,
                linkedId,
                channel.GetProperty("id").GetString(),
                root.GetProperty("asterisk_id").GetString(),
                DateTimeOffset.UtcNow,
                $"{connectionId}:{call}:{++ordinal}",
                json);
        }
    }
}

internal static class Eventually
{
    public static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds} s waiting until {because}");
            }

            await Task.Delay(100);
        }
    }
}

internal static class CallLog
{
    public static CallCenterDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<CallCenterDbContext>().UseNpgsql(connectionString).Options);

    public static async Task<List<Call>> CallsAsync(string connectionString)
    {
        await using var db = Open(connectionString);
        return await db.Calls.AsNoTracking().Include(c => c.Legs).OrderBy(c => c.StartedAt).ToListAsync();
    }

    public static async Task<int> CountAsync<T>(string connectionString, Func<CallCenterDbContext, IQueryable<T>> query)
    {
        await using var db = Open(connectionString);
        return await query(db).CountAsync();
    }

    public static async Task<long> PendingAsync(IDatabase redis, string stream, string group = "persistence")
    {
        var pending = await redis.StreamPendingAsync(stream, group);
        return pending.PendingMessageCount;
    }

    /// <summary>True once every entry was delivered to the group and acknowledged.</summary>
    public static async Task<bool> DrainedAsync(IDatabase redis, string stream, string group = "persistence")
    {
        var groups = await redis.StreamGroupInfoAsync(stream);
        var info = groups.FirstOrDefault(g => g.Name == group);
        return info.Name is not null && info.PendingMessageCount == 0 && info.Lag == 0;
    }
}
