using System.Globalization;
using CallCenter.Persistence.Telemetry;
using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

/// <summary>After a batch committed: its poison entries go to the dead-letter stream, then every entry is acknowledged (XACK).</summary>
internal sealed partial class StreamAcknowledger(
    IConnectionMultiplexer redis, PersistenceOptions options, PersistenceMetrics metrics, ConsumerState state, TimeProvider time, ILogger logger)
{
    private IDatabase Database => redis.GetDatabase();

    /// <summary>Retries until Redis takes it: the batch is committed, so acknowledging is all that is left.</summary>
    public async Task DeadLetterAndAcknowledgeAsync(StreamEntry[] batch, List<PoisonEntry> poison, string consumer, CancellationToken stoppingToken)
    {
        var ids = batch.Select(e => e.Id).ToArray();
        var delay = options.InitialRetryDelay;
        while (true)
        {
            try
            {
                foreach (var entry in poison)
                {
                    NameValueEntry[] fields =
                    [
                        new("source", "persistence"),
                        new("reason", entry.Reason),
                        new("stream_id", entry.StreamId),
                        new("consumer", consumer),
                        new("failed_at", time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
                        .. entry.Fields,
                    ];
                    await Database.StreamAddAsync(options.DeadLetterStreamName, fields);
                    LogDeadLettered(logger, entry.StreamId, entry.Reason);
                }

                metrics.DeadLettered(poison.Count);
                await Database.StreamAcknowledgeAsync(options.StreamName, options.ConsumerGroup, ids);
                return;
            }
            catch (RedisException ex)
            {
                // Committed but not acknowledged: if we die now the entries are redelivered and recognised as duplicates.
                state.Failing($"Redis: {ex.Message}");
                LogAcknowledgeFailed(logger, ex, ids.Length, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
                delay = RetryBackoff.Next(delay, options.MaxRetryDelay);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead-lettered stream entry {StreamId}: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string streamId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledging {Count} committed entries failed; retrying in {DelaySeconds} s")]
    private static partial void LogAcknowledgeFailed(ILogger logger, Exception exception, int count, double delaySeconds);
}
