using CallCenter.Persistence.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

/// <summary>
/// Removes from the ARI event stream the entries that every consumer group has acknowledged, once they are older than
/// <see cref="PersistenceOptions.KeepCommittedFor"/>. The call log is their record; left in the stream they would
/// grow Redis's memory up to the ingestion's MAXLEN cap (about 4.6 KB an entry, measured in the PBX soak), which stays
/// what bounds the stream while the worker is down. The stream's last entry is always kept: the ingestion's append
/// script reads it to make retried writes exactly-once.
/// </summary>
internal sealed partial class CommittedEntryTrimmer(
    IConnectionMultiplexer redis,
    IOptions<PersistenceOptions> options,
    TimeProvider time,
    PersistenceMetrics metrics,
    ILogger<CommittedEntryTrimmer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TrimInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TrimOnceAsync();
            }
            catch (RedisException exception)
            {
                // Nothing is lost by trimming later: the next tick tries again.
                LogTrimFailed(logger, options.Value.StreamName, exception);
            }
        }
    }

    /// <summary>Trims once; returns how many entries were removed.</summary>
    internal async Task<long> TrimOnceAsync()
    {
        var database = redis.GetDatabase();
        var stream = options.Value.StreamName;
        if (await FloorAsync(database, stream) is not { } floor)
        {
            return 0;
        }

        var keptFrom = floor.ToString();
        var removed = await database.StreamTrimByMinIdAsync(stream, keptFrom);
        if (removed > 0)
        {
            metrics.EntriesTrimmed(removed);
            LogTrimmed(logger, removed, stream, keptFrom);
        }

        return removed;
    }

    /// <summary>
    /// The lowest entry id that must stay: the oldest entry a group has pending or not yet been given (entries before
    /// it are acknowledged by that group), the retention cut-off, and the last entry. Null when the stream or its
    /// groups are missing: with nobody consuming, nothing is known to be committed.
    /// </summary>
    private async Task<StreamEntryId?> FloorAsync(IDatabase database, string stream)
    {
        if (!await database.KeyExistsAsync(stream))
        {
            return null;
        }

        var groups = await database.StreamGroupInfoAsync(stream);
        var last = await database.StreamRangeAsync(stream, "-", "+", 1, Order.Descending);
        if (groups.Length == 0 || last.Length == 0)
        {
            return null;
        }

        var floor = StreamEntryId.Min(
            StreamEntryId.Parse((string)last[0].Id!),
            new StreamEntryId((ulong)(time.GetUtcNow() - options.Value.KeepCommittedFor).ToUnixTimeMilliseconds(), 0));
        foreach (var group in groups)
        {
            var lowestPending = group.PendingMessageCount > 0
                ? (string?)(await database.StreamPendingAsync(stream, group.Name)).LowestPendingMessageId
                : null;
            floor = StreamEntryId.Min(floor, GroupFloor(lowestPending, group.LastDeliveredId));
        }

        return floor;
    }

    /// <summary>
    /// The lowest id a group still needs: its oldest pending entry, or when it has none the entry after the last one it
    /// was given. XINFO GROUPS and XPENDING are two reads, so a group may have acknowledged everything in between (no
    /// lowest pending id); the last delivered id read first is then still a safe floor.
    /// </summary>
    internal static StreamEntryId GroupFloor(string? lowestPending, string? lastDelivered) => lowestPending is not null
        ? StreamEntryId.Parse(lowestPending)
        : StreamEntryId.Parse(lastDelivered ?? "0-0").Next();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Trimmed {Count} committed entries from {Stream} (kept from {Floor})")]
    private static partial void LogTrimmed(ILogger logger, long count, string stream, string floor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not trim committed entries from {Stream}; trying again later")]
    private static partial void LogTrimFailed(ILogger logger, string stream, Exception exception);
}
