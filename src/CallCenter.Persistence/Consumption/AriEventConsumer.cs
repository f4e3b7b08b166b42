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
                var own = await _reader.ReadOwnPendingAsync(consumer);
                readOwnPending = own.Entries.Length > 0;
                return own;
            }

            var now = _time.GetUtcNow();
            if (now >= nextClaimAt)
            {
                nextClaimAt = now + _options.ClaimInterval;
                return await _reader.ClaimIdleAsync(consumer);
            }

            return await _reader.ReadNewAsync(consumer);
        }
    }

    private async Task ProcessAsync(ReadBatch read, string consumer, CancellationToken stoppingToken)
    {
        var batch = read.Entries;
        using var activity = PersistenceTelemetry.ActivitySource.StartActivity("Apply event batch");
        activity?.SetTag("messaging.batch.message_count", batch.Length);

        var entries = read.Parsed;
        var poison = read.Poison;
        var started = Stopwatch.GetTimestamp();
        var outcome = await _committer.CommitAsync(entries, stoppingToken);
        poison.AddRange(outcome.Poison);

        _metrics.BatchCommitted(Stopwatch.GetElapsedTime(started));
        _metrics.EventsApplied(outcome.Applied);
        _metrics.DuplicatesSkipped(outcome.Duplicates);
        _metrics.EntriesIgnored(outcome.Ignored);
        _metrics.CallsCommitted(outcome.Notices.Count);
        _state.Committed(_time.GetUtcNow());
        activity?.SetTag("callcenter.events.applied", outcome.Applied);
        activity?.SetTag("callcenter.events.duplicates", outcome.Duplicates);
        LogBatchCommitted(_logger, batch.Length, outcome.Applied, outcome.Duplicates, outcome.Notices.Count, poison.Count);

        await _acknowledger.DeadLetterAndAcknowledgeAsync(batch, poison, consumer, stoppingToken);
        await _publisher.PublishAsync(outcome.Notices);
        if (outcome.RecordingsQueued > 0)
        {
            _recordingWakeup.Signal();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Stream} as {Group}/{Consumer}")]
    private static partial void LogStarting(ILogger logger, string stream, string group, string consumer);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Committed batch of {Entries} entries: {Applied} applied, {Duplicates} duplicates, {Calls} calls changed, {Poison} dead-lettered")]
    private static partial void LogBatchCommitted(ILogger logger, int entries, int applied, int duplicates, int calls, int poison);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unavailable; retrying in {DelaySeconds} s")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception, double delaySeconds);
}
