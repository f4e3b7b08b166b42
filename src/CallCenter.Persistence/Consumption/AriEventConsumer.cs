using System.Diagnostics;
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
internal sealed partial class AriEventConsumer : BackgroundService
{
    private static readonly TimeSpan BacklogRefreshInterval = TimeSpan.FromSeconds(5);
    private readonly DatabaseReadiness _readiness;
    private readonly PersistenceOptions _options;
    private readonly PersistenceMetrics _metrics;
    private readonly ConsumerState _state;
    private readonly RecordingWakeup _recordingWakeup;
    private readonly TimeProvider _time;
    private readonly ILogger<AriEventConsumer> _logger;
    private readonly ConsumerGroupReader _reader;
    private readonly BatchCommitter _committer;
    private readonly StreamAcknowledger _acknowledger;
    private readonly CallChangePublisher _publisher;

    // The last batch's acknowledgement and change notices: they go out while the next batch commits.
    private Task _afterCommit = Task.CompletedTask;

    public AriEventConsumer(
        IConnectionMultiplexer redis,
        IServiceScopeFactory scopes,
        DatabaseReadiness readiness,
        IOptions<PersistenceOptions> options,
        PersistenceMetrics metrics,
        ConsumerState state,
        RecordingWakeup recordingWakeup,
        TimeProvider time,
        ILogger<AriEventConsumer> logger)
    {
        _readiness = readiness;
        _options = options.Value;
        _metrics = metrics;
        _state = state;
        _recordingWakeup = recordingWakeup;
        _time = time;
        _logger = logger;
        // The parts log as the consumer, so its log category stays the one to filter on.
        _reader = new ConsumerGroupReader(redis, _options, metrics, logger);
        _committer = new BatchCommitter(scopes, _options, metrics, state, time, logger);
        _acknowledger = new StreamAcknowledger(redis, _options, metrics, state, time, logger);
        _publisher = new CallChangePublisher(redis, _options, logger);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _readiness.WaitAsync(stoppingToken);
        var consumer = _options.EffectiveConsumerName;
        LogStarting(_logger, _options.StreamName, _options.ConsumerGroup, consumer);

        var readOwnPending = true;
        var nextClaimAt = _time.GetUtcNow();
        var nextBacklogAt = _time.GetUtcNow();
        var groupReady = false;
        var delay = _options.InitialRetryDelay;

        // While a batch commits, the next one is read and parsed on another thread: with a backlog the
        // database, Redis and JSON parsing overlap instead of taking turns. Prefetched entries are
        // pending for this consumer like any other read, so a crash loses nothing.
        Task<ReadBatch>? prefetch = null;

        while (!stoppingToken.IsCancellationRequested)
        {
            ReadBatch batch;
            var waitStarted = Stopwatch.GetTimestamp();
            try
            {
                var now = _time.GetUtcNow();
                if (groupReady && now >= nextBacklogAt)
                {
                    nextBacklogAt = now + BacklogRefreshInterval;
                    await _reader.RefreshBacklogAsync();
                }

                if (prefetch is not null)
                {
                    var pending = prefetch;
                    prefetch = null;
                    batch = await pending;
                }
                else if (!groupReady)
                {
                    await _reader.EnsureGroupAsync();
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
                _state.Failing($"Redis: {ex.Message}");
                LogRedisUnavailable(_logger, ex, delay.TotalSeconds);
                await Task.Delay(delay, _time, stoppingToken);
                delay = RetryBackoff.Next(delay, _options.MaxRetryDelay);
                continue;
            }

            if (batch.Entries.Length == 0)
            {
                await Task.Delay(_options.PollInterval, _time, stoppingToken);
                continue;
            }

            if (batch.IsNew && batch.Entries.Length >= _options.BatchSize && _time.GetUtcNow() < nextClaimAt)
            {
                prefetch = Task.Run(() => _reader.ReadNewAsync(consumer), stoppingToken);
            }

            try
            {
                var timings = new BatchTimings();
                timings.Add(BatchPhase.Read, batch.ReadTime);
                timings.Add(BatchPhase.Parse, batch.ParseTime);
                timings.Lap(BatchPhase.Wait, waitStarted);
                await ProcessAsync(batch, consumer, timings, stoppingToken);
            }
            catch
            {
                // Stopping: whatever the prefetch read stays pending for this consumer name and is read first after a restart.
                await Settled(prefetch);
                await Settled(_afterCommit);
                throw;
            }
        }

        await Settled(prefetch);
        await _afterCommit;

        async Task<ReadBatch> NextBatchAsync()
        {
            if (readOwnPending)
            {
                // Entries delivered to this consumer name before a restart come first.
                var own = await _reader.ReadOwnPendingAsync(consumer);
                readOwnPending = own.Entries.Length > 0;
                return own;
            }

            var now = _time.GetUtcNow();
            if (now >= nextClaimAt)
            {
                nextClaimAt = now + _options.ClaimInterval;
                var claimed = await _reader.ClaimIdleAsync(consumer);
                if (claimed.Entries.Length > 0)
                {
                    return claimed;
                }

                // Nothing to take over: read on rather than sleep a poll interval with a backlog waiting.
            }

            return await _reader.ReadNewAsync(consumer);
        }
    }

    private async Task ProcessAsync(ReadBatch read, string consumer, BatchTimings timings, CancellationToken stoppingToken)
    {
        var batch = read.Entries;
        using var activity = PersistenceTelemetry.ActivitySource.StartActivity("Apply event batch");
        activity?.SetTag("messaging.batch.message_count", batch.Length);

        var entries = read.Parsed;
        var poison = read.Poison;
        var started = Stopwatch.GetTimestamp();
        var outcome = await _committer.CommitAsync(entries, timings, stoppingToken);
        poison.AddRange(outcome.Poison);

        _metrics.BatchCommitted(Stopwatch.GetElapsedTime(started));
        _metrics.EventsApplied(outcome.Applied);
        _metrics.DuplicatesSkipped(outcome.Duplicates);
        _metrics.EntriesIgnored(outcome.Ignored);
        _metrics.CallsCommitted(outcome.Notices.Count);
        _state.Committed(_time.GetUtcNow());
        activity?.SetTag("callcenter.events.applied", outcome.Applied);
        activity?.SetTag("callcenter.events.duplicates", outcome.Duplicates);

        // Committed: acknowledging and publishing (Redis round trips) overlap the next batch's commit. In commit order,
        // one batch at a time: the previous batch's must be out before this one's start.
        var since = Stopwatch.GetTimestamp();
        await _afterCommit;
        timings.Lap(BatchPhase.Drain, since);
        _afterCommit = AfterCommitAsync(batch, poison, consumer, outcome, timings, stoppingToken);
    }

    private async Task AfterCommitAsync(
        StreamEntry[] batch, List<PoisonEntry> poison, string consumer, BatchOutcome outcome, BatchTimings timings, CancellationToken stoppingToken)
    {
        // Off the loop's path from here on.
        await Task.Yield();
        var since = Stopwatch.GetTimestamp();
        await _acknowledger.DeadLetterAndAcknowledgeAsync(batch, poison, consumer, stoppingToken);
        since = timings.Lap(BatchPhase.Acknowledge, since);
        await _publisher.PublishAsync(outcome.Notices);
        timings.Lap(BatchPhase.Publish, since);
        if (outcome.RecordingsQueued > 0)
        {
            _recordingWakeup.Signal();
        }

        _metrics.BatchPhases(timings);
        LogBatchCommitted(_logger, batch.Length, outcome.Applied, outcome.Duplicates, outcome.Notices.Count, poison.Count, timings);
    }

    private static Task Settled(Task? task) =>
        task?.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default) ?? Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Stream} as {Group}/{Consumer}")]
    private static partial void LogStarting(ILogger logger, string stream, string group, string consumer);

    // The benchmark sums the phases from this line (bench/CallCenter.Persistence.Benchmarks, WorkerPhases).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed batch of {Entries} entries: {Applied} applied, {Duplicates} duplicates, {Calls} calls changed, {Poison} dead-lettered; ms {Phases}")]
    private static partial void LogBatchCommitted(ILogger logger, int entries, int applied, int duplicates, int calls, int poison, BatchTimings phases);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unavailable; retrying in {DelaySeconds} s")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception, double delaySeconds);
}
