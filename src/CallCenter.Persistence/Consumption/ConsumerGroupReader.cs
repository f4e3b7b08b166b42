using System.Diagnostics;
using CallCenter.Persistence.Telemetry;
using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

/// <summary>
/// Reads the ARI event stream as a member of the consumer group: this consumer's own pending entries, new entries,
/// and entries other consumers left idle (XAUTOCLAIM).
/// </summary>
internal sealed partial class ConsumerGroupReader(IConnectionMultiplexer redis, PersistenceOptions options, PersistenceMetrics metrics, ILogger logger)
{
    private RedisValue _claimCursor = "0-0";

    private IDatabase Database => redis.GetDatabase();

    public async Task EnsureGroupAsync()
    {
        try
        {
            // "0": a new group starts with everything already in the stream, so nothing written before the first worker started is skipped.
            await Database.StreamCreateConsumerGroupAsync(options.StreamName, options.ConsumerGroup, "0", createStream: true);
            LogGroupCreated(logger, options.ConsumerGroup);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another instance (or an earlier start) created it.
        }
    }

    /// <summary>Entries delivered to this consumer name before (e.g. before a restart) and not acknowledged.</summary>
    public async Task<ReadBatch> ReadOwnPendingAsync(string consumer)
    {
        var started = Stopwatch.GetTimestamp();
        return ReadBatch.Parse(await Database.StreamReadGroupAsync(options.StreamName, options.ConsumerGroup, consumer, "0", options.BatchSize), isNew: false, started);
    }

    public async Task<ReadBatch> ReadNewAsync(string consumer)
    {
        var started = Stopwatch.GetTimestamp();
        return ReadBatch.Parse(await Database.StreamReadGroupAsync(options.StreamName, options.ConsumerGroup, consumer, ">", options.BatchSize), isNew: true, started);
    }

    /// <summary>Takes over entries another consumer left pending for longer than <see cref="PersistenceOptions.ClaimMinIdle"/>.</summary>
    public async Task<ReadBatch> ClaimIdleAsync(string consumer)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await Database.StreamAutoClaimAsync(
            options.StreamName, options.ConsumerGroup, consumer, (long)options.ClaimMinIdle.TotalMilliseconds, _claimCursor, options.BatchSize);
        _claimCursor = result.NextStartId.IsNullOrEmpty ? "0-0" : result.NextStartId;
        var claimed = result.ClaimedEntries ?? [];
        if (claimed.Length > 0)
        {
            metrics.EntriesClaimed(claimed.Length);
            LogClaimed(logger, claimed.Length);
        }

        return ReadBatch.Parse(claimed, isNew: false, started);
    }

    /// <summary>Reports the group's lag and pending count (the worker scales on them).</summary>
    public async Task RefreshBacklogAsync()
    {
        var groups = await Database.StreamGroupInfoAsync(options.StreamName);
        var group = groups.FirstOrDefault(g => g.Name == options.ConsumerGroup);
        metrics.StreamBacklog(group.Lag ?? 0, group.PendingMessageCount);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created consumer group {Group}")]
    private static partial void LogGroupCreated(ILogger logger, string group);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claimed {Count} idle pending entries from other consumers")]
    private static partial void LogClaimed(ILogger logger, int count);
}
