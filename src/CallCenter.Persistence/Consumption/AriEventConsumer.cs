using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CallCenter.Contracts;
using CallCenter.Data;
using CallCenter.Persistence.Recordings;
using CallCenter.Persistence.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

/// <summary>
/// Reads the ARI event stream as a member of a consumer group and commits each batch in one
/// transaction. An entry is acknowledged only after its batch committed, so a crash or a database
/// outage loses nothing: the entries stay pending and are retried here, or claimed by another
/// instance once idle (XAUTOCLAIM).
/// </summary>
internal sealed partial class AriEventConsumer(
    IConnectionMultiplexer redis,
    IServiceScopeFactory scopes,
    DatabaseReadiness readiness,
    IOptions<PersistenceOptions> options,
    PersistenceMetrics metrics,
    ConsumerState state,
    RecordingWakeup recordingWakeup,
    TimeProvider time,
    ILogger<AriEventConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan BacklogRefreshInterval = TimeSpan.FromSeconds(5);
    private readonly PersistenceOptions _options = options.Value;
    private RedisValue _claimCursor = "0-0";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        var consumer = _options.EffectiveConsumerName;
        LogStarting(logger, _options.StreamName, _options.ConsumerGroup, consumer);

        var readOwnPending = true;
        var nextClaimAt = time.GetUtcNow();
        var nextBacklogAt = time.GetUtcNow();
        var groupReady = false;
        var delay = _options.InitialRetryDelay;

        // While a batch commits, the next one is read and parsed on another thread: with a backlog the
        // database, Redis and JSON parsing overlap instead of taking turns. Prefetched entries are
        // pending for this consumer like any other read, so a crash loses nothing.
        Task<ReadBatch>? prefetch = null;

        while (!stoppingToken.IsCancellationRequested)
        {
            ReadBatch batch;
            try
            {
                var now = time.GetUtcNow();
                if (groupReady && now >= nextBacklogAt)
                {
                    nextBacklogAt = now + BacklogRefreshInterval;
                    await RefreshBacklogAsync();
                }

                if (prefetch is not null)
                {
                    var pending = prefetch;
                    prefetch = null;
                    batch = await pending;
                }
                else if (!groupReady)
                {
                    await EnsureGroupAsync();
                    groupReady = true;
                    continue;
                }
                else
                {
                    batch = await NextBatchAsync();
                }

                delay = _options.InitialRetryDelay;
            }
            catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                // The stream or group was deleted (e.g. a Redis without persistence restarted): create it again.
                groupReady = false;
                continue;
            }
            catch (RedisException ex)
            {
                state.Failing($"Redis: {ex.Message}");
                LogRedisUnavailable(logger, ex, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
                delay = NextDelay(delay);
                continue;
            }

            if (batch.Entries.Length == 0)
            {
                await Task.Delay(_options.PollInterval, time, stoppingToken);
                continue;
            }

            if (batch.IsNew && batch.Entries.Length >= _options.BatchSize && time.GetUtcNow() < nextClaimAt)
            {
                prefetch = Task.Run(() => ReadNewAsync(consumer), stoppingToken);
            }

            try
            {
                await ProcessAsync(batch, consumer, stoppingToken);
            }
            catch when (prefetch is not null)
            {
                // Stopping: whatever the prefetch read stays pending for this consumer name and is read first after a restart.
                await prefetch.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }
        }

        if (prefetch is not null)
        {
            await prefetch.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        async Task<ReadBatch> NextBatchAsync()
        {
            if (readOwnPending)
            {
                // Entries delivered to this consumer name before a restart come first.
                var own = await Database.StreamReadGroupAsync(_options.StreamName, _options.ConsumerGroup, consumer, "0", _options.BatchSize);
                readOwnPending = own.Length > 0;
                return ReadBatch.Parse(own, isNew: false);
            }

            var now = time.GetUtcNow();
            if (now >= nextClaimAt)
            {
                nextClaimAt = now + _options.ClaimInterval;
                return ReadBatch.Parse(await ClaimIdleAsync(consumer), isNew: false);
            }

            return await ReadNewAsync(consumer);
        }
    }

    private async Task<ReadBatch> ReadNewAsync(string consumer) =>
        ReadBatch.Parse(await Database.StreamReadGroupAsync(_options.StreamName, _options.ConsumerGroup, consumer, ">", _options.BatchSize), isNew: true);

    private IDatabase Database => redis.GetDatabase();

    private async Task EnsureGroupAsync()
    {
        try
        {
            // "0": a new group starts with everything already in the stream, so nothing written before the first worker started is skipped.
            await Database.StreamCreateConsumerGroupAsync(_options.StreamName, _options.ConsumerGroup, "0", createStream: true);
            LogGroupCreated(logger, _options.ConsumerGroup);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another instance (or an earlier start) created it.
        }
    }

    private async Task<StreamEntry[]> ClaimIdleAsync(string consumer)
    {
        var result = await Database.StreamAutoClaimAsync(
            _options.StreamName, _options.ConsumerGroup, consumer, (long)_options.ClaimMinIdle.TotalMilliseconds, _claimCursor, _options.BatchSize);
        _claimCursor = result.NextStartId.IsNullOrEmpty ? "0-0" : result.NextStartId;
        var claimed = result.ClaimedEntries ?? [];
        if (claimed.Length > 0)
        {
            metrics.EntriesClaimed(claimed.Length);
            LogClaimed(logger, claimed.Length);
        }

        return claimed;
    }

    private async Task RefreshBacklogAsync()
    {
        var groups = await Database.StreamGroupInfoAsync(_options.StreamName);
        var group = groups.FirstOrDefault(g => g.Name == _options.ConsumerGroup);
        metrics.StreamBacklog(group.Lag ?? 0, group.PendingMessageCount);
    }

    private async Task ProcessAsync(ReadBatch read, string consumer, CancellationToken stoppingToken)
    {
        var batch = read.Entries;
        using var activity = PersistenceTelemetry.ActivitySource.StartActivity("Apply event batch");
        activity?.SetTag("messaging.batch.message_count", batch.Length);

        var entries = read.Parsed;
        var poison = read.Poison;
        var started = Stopwatch.GetTimestamp();
        var outcome = await CommitWithRetryAsync(entries, stoppingToken);
        poison.AddRange(outcome.Poison);

        metrics.BatchCommitted(Stopwatch.GetElapsedTime(started));
        metrics.EventsApplied(outcome.Applied);
        metrics.DuplicatesSkipped(outcome.Duplicates);
        metrics.EntriesIgnored(outcome.Ignored);
        metrics.CallsCommitted(outcome.Notices.Count);
        state.Committed(time.GetUtcNow());
        activity?.SetTag("callcenter.events.applied", outcome.Applied);
        activity?.SetTag("callcenter.events.duplicates", outcome.Duplicates);
        LogBatchCommitted(logger, batch.Length, outcome.Applied, outcome.Duplicates, outcome.Notices.Count, poison.Count);

        await DeadLetterAndAcknowledgeAsync(batch, poison, consumer, stoppingToken);
        await PublishNoticesAsync(outcome.Notices);
        if (outcome.RecordingsQueued > 0)
        {
            recordingWakeup.Signal();
        }
    }

    private async Task<BatchOutcome> CommitWithRetryAsync(IReadOnlyList<StreamBatchEntry> entries, CancellationToken stoppingToken)
    {
        var delay = _options.InitialRetryDelay;
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
                delay = NextDelay(delay);
            }
        }
    }

    private async Task<BatchOutcome> CommitOneByOneAsync(IReadOnlyList<StreamBatchEntry> entries, CancellationToken stoppingToken)
    {
        var total = new BatchOutcome();
        foreach (var entry in entries)
        {
            var single = await CommitWithRetryAsync([entry], stoppingToken);
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

    private async Task DeadLetterAndAcknowledgeAsync(StreamEntry[] batch, List<PoisonEntry> poison, string consumer, CancellationToken stoppingToken)
    {
        var ids = batch.Select(e => e.Id).ToArray();
        var delay = _options.InitialRetryDelay;
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
                    await Database.StreamAddAsync(_options.DeadLetterStreamName, fields);
                    LogDeadLettered(logger, entry.StreamId, entry.Reason);
                }

                metrics.DeadLettered(poison.Count);
                await Database.StreamAcknowledgeAsync(_options.StreamName, _options.ConsumerGroup, ids);
                return;
            }
            catch (RedisException ex)
            {
                // Committed but not acknowledged: if we die now the entries are redelivered and recognised as duplicates.
                state.Failing($"Redis: {ex.Message}");
                LogAcknowledgeFailed(logger, ex, ids.Length, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
                delay = NextDelay(delay);
            }
        }
    }

    private async Task PublishNoticesAsync(List<CallChangeNotice> notices)
    {
        if (notices.Count == 0)
        {
            return;
        }

        var channel = RedisChannel.Literal(_options.NoticeChannel);
        var subscriber = redis.GetSubscriber();
        try
        {
            await Task.WhenAll(notices.Select(notice =>
                subscriber.PublishAsync(channel, JsonSerializer.Serialize(notice, ContractsJsonContext.Default.CallChangeNotice))));
        }
        catch (RedisException ex)
        {
            // Notices are a live hint; the call log itself is committed. Subscribers reload on reconnect.
            LogPublishFailed(logger, ex, notices.Count);
        }
    }

    private static NameValueEntry[] ToFields(AriStreamEntry entry) =>
        [.. entry.ToFields().Select(f => new NameValueEntry(f.Key, f.Value))];

    private TimeSpan NextDelay(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Stream} as {Group}/{Consumer}")]
    private static partial void LogStarting(ILogger logger, string stream, string group, string consumer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created consumer group {Group}")]
    private static partial void LogGroupCreated(ILogger logger, string group);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claimed {Count} idle pending entries from other consumers")]
    private static partial void LogClaimed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed batch of {Entries} entries: {Applied} applied, {Duplicates} duplicates, {Calls} calls changed, {Poison} dead-lettered")]
    private static partial void LogBatchCommitted(ILogger logger, int entries, int applied, int duplicates, int calls, int poison);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing a batch of {Count} entries failed (attempt {Attempt}); nothing acknowledged, retrying in {DelaySeconds} s")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int count, int attempt, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database rejected a batch of {Count} entries; applying them one by one to isolate the poison entry")]
    private static partial void LogSplittingBatch(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead-lettered stream entry {StreamId}: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string streamId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unavailable; retrying in {DelaySeconds} s")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledging {Count} committed entries failed; retrying in {DelaySeconds} s")]
    private static partial void LogAcknowledgeFailed(ILogger logger, Exception exception, int count, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} call change notices failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count);
}

/// <summary>Entries read from the stream, parsed (on the reading thread, so parsing overlaps a commit).</summary>
internal sealed record ReadBatch(StreamEntry[] Entries, List<StreamBatchEntry> Parsed, List<PoisonEntry> Poison, bool IsNew)
{
    public static ReadBatch Parse(StreamEntry[] entries, bool isNew)
    {
        // Entries trimmed from the stream while pending come back without values: nothing to apply, only to acknowledge.
        var (parsed, poison) = StreamEntryParser.Parse(entries.Where(e => !e.IsNull));
        return new ReadBatch(entries, parsed, poison, isNew);
    }
}
