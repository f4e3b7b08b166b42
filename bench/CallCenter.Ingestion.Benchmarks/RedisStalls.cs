using StackExchange.Redis;

namespace CallCenter.Ingestion.Benchmarks;

/// <summary>
/// Redis's own latency monitor (LATENCY LATEST): stalls of Redis itself, such as the fork of an AOF rewrite, that
/// every write waits through whatever the client does. Reported beside the figures so they can be told apart.
/// </summary>
internal static class RedisStalls
{
    public static Task StartAsync(IDatabase database) => database.ExecuteAsync("CONFIG", "SET", "latency-monitor-threshold", "5");

    /// <summary>"fork max 28 ms, aof-write max 16 ms, …" since the last call, then resets the monitor.</summary>
    public static async Task<string> TakeAsync(IDatabase database)
    {
        var events = (RedisResult[])(await database.ExecuteAsync("LATENCY", "LATEST"))!;
        await database.ExecuteAsync("LATENCY", "RESET");
        return events.Length == 0
            ? "none over 5 ms"
            : string.Join(", ", events.Select(e => (RedisResult[])e!).Select(f => $"{f[0]} max {f[3]} ms"));
    }
}
