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
    public async Task<BatchOutcome> CommitAsync(IReadOnlyList<StreamBatchEntry> entries, CancellationToken stoppingToken)
    {
        var delay = options.InitialRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(entries, stoppingToken);
            }
            catch (Exception ex) when (TransientErrors.IsCausedByData(ex) && entries.Count > 1)
            {
                LogSplittingBatch(logger, ex, entries.Count);
                return await CommitOneByOneAsync(entries, stoppingToken);
            }
            catch (Exception ex) when (TransientErrors.IsCausedByData(ex))
            {
                var outcome = new BatchOutcome();
                var entry = entries[0];
                outcome.Poison.Add(new PoisonEntry(entry.StreamId, ToFields(entry.Entry), $"rejected by the database: {ex.GetBaseException().Message}"));
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

    private async Task<BatchOutcome> CommitOneByOneAsync(IReadOnlyList<StreamBatchEntry> entries, CancellationToken stoppingToken)
    {
        var total = new BatchOutcome();
        foreach (var entry in entries)
        {
            var single = await CommitAsync([entry], stoppingToken);
            total.Notices.AddRange(single.Notices);
            total.Poison.AddRange(single.Poison);
            total.Applied += single.Applied;
            total.Duplicates += single.Duplicates;
            total.Ignored += single.Ignored;
            total.RecordingsQueued += single.RecordingsQueued;
        }

        return total;
    }

    private async Task<BatchOutcome> WriteAsync(IReadOnlyList<StreamBatchEntry> entries, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<CallBatchWriter>();
        return await writer.WriteAsync(entries, stoppingToken);
    }

    private static NameValueEntry[] ToFields(AriStreamEntry entry) =>
        [.. entry.ToFields().Select(f => new NameValueEntry(f.Key, f.Value))];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing a batch of {Count} entries failed (attempt {Attempt}); nothing acknowledged, retrying in {DelaySeconds} s")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int count, int attempt, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database rejected a batch of {Count} entries; applying them one by one to isolate the poison entry")]
    private static partial void LogSplittingBatch(ILogger logger, Exception exception, int count);
}
