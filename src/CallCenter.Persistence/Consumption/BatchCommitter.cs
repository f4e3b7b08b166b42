using CallCenter.Contracts;
using CallCenter.Persistence.Telemetry;
using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

/// <summary>
/// Commits a batch with <see cref="CallBatchWriter"/>, retrying while the database is down or a race was lost. When the
/// database rejects the batch's data, it is applied entry by entry so only the entry at fault is dead-lettered.
/// </summary>
internal sealed partial class BatchCommitter(
    IServiceScopeFactory scopes, PersistenceOptions options, PersistenceMetrics metrics, ConsumerState state, TimeProvider time, ILogger logger)
{
    /// <summary>A lost race to create a call is retried at once this often, then with the usual backoff.</summary>
    private const int ImmediateRetries = 3;

    /// <summary>
    /// Commits the batch; a large one in <see cref="PersistenceOptions.CommitPartitions"/> parts that share no call, each
    /// in its own transaction on its own connection, side by side, so the database works on one part while the worker
    /// prepares the other. Returns when every part committed.
    /// </summary>
    public async Task<BatchOutcome> CommitAsync(IReadOnlyList<StreamBatchEntry> entries, BatchTimings timings, CancellationToken stoppingToken)
    {
        var parts = entries.Count >= Math.Max(2, options.BatchSize / 2) ? CallPartitions.Split(entries, options.CommitPartitions) : [entries];
        if (parts.Count == 1)
        {
            return await CommitPartAsync(entries, timings, stoppingToken);
        }

        var outcome = new BatchOutcome();
        foreach (var part in await Task.WhenAll(parts.Select(part => CommitPartAsync(part, timings, stoppingToken))))
        {
            outcome.Add(part);
        }

        return outcome;
    }

    private async Task<BatchOutcome> CommitPartAsync(IReadOnlyList<StreamBatchEntry> entries, BatchTimings timings, CancellationToken stoppingToken)
    {
        var delay = options.InitialRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(entries, timings, stoppingToken);
            }
            catch (CallCreatedConcurrentlyException ex) when (attempt <= ImmediateRetries)
            {
                // Another worker created one of the batch's new calls first: now it exists, and the retry locks it.
                LogCallCreatedConcurrently(logger, ex, entries.Count);
                continue;
            }
            catch (Exception ex) when (TransientErrors.IsCausedByData(ex) && entries.Count > 1)
            {
                LogSplittingBatch(logger, ex, entries.Count);
                return await CommitOneByOneAsync(entries, timings, stoppingToken);
            }
            catch (Exception ex) when (TransientErrors.IsCausedByData(ex))
            {
                var outcome = new BatchOutcome();
                var entry = entries[0];
                outcome.Poison.Add(new PoisonEntry(entry.StreamId, entry.Fields, $"rejected by the database: {ex.GetBaseException().Message}"));
                return outcome;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Database down or a lost race (deadlock, serialization): keep the entries unacknowledged and retry.
                metrics.CommitFailed();
                state.Failing($"database: {ex.GetBaseException().Message}");
                LogCommitFailed(logger, ex, entries.Count, attempt, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
                delay = RetryBackoff.Next(delay, options.MaxRetryDelay);
            }
        }
    }

    private async Task<BatchOutcome> CommitOneByOneAsync(IReadOnlyList<StreamBatchEntry> entries, BatchTimings timings, CancellationToken stoppingToken)
    {
        var total = new BatchOutcome();
        foreach (var entry in entries)
        {
            total.Add(await CommitPartAsync([entry], timings, stoppingToken));
        }

        return total;
    }

    private async Task<BatchOutcome> WriteAsync(IReadOnlyList<StreamBatchEntry> entries, BatchTimings timings, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<CallBatchWriter>();
        return await writer.WriteAsync(entries, timings, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A new call of a batch of {Count} entries was created by another worker meanwhile; retrying the batch at once")]
    private static partial void LogCallCreatedConcurrently(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing a batch of {Count} entries failed (attempt {Attempt}); nothing acknowledged, retrying in {DelaySeconds} s")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int count, int attempt, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database rejected a batch of {Count} entries; applying them one by one to isolate the poison entry")]
    private static partial void LogSplittingBatch(ILogger logger, Exception exception, int count);
}
