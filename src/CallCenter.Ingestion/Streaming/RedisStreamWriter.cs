using System.Diagnostics;
using CallCenter.Contracts;
using CallCenter.Ingestion.Diagnostics;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CallCenter.Ingestion.Streaming;

/// <summary>
/// Drains the buffer into Redis in batches. A batch is one MULTI/EXEC (pipelined and atomic), so a
/// failed write is retried whole, in order, without half of it landing twice. While Redis is down the
/// batch is retried with capped exponential backoff and the buffer absorbs new events.
/// </summary>
public sealed partial class RedisStreamWriter(
    EntryBuffer buffer,
    IConnectionMultiplexer redis,
    StreamWriterState state,
    IngestionMetrics metrics,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<RedisStreamWriter> logger) : BackgroundService
{
    private static readonly TimeSpan ShutdownDrainTimeout = TimeSpan.FromSeconds(5);
    private readonly IngestionOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<BufferedWrite>(_options.WriteBatchSize);
        var reader = buffer.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < _options.WriteBatchSize && reader.TryRead(out var write))
                {
                    batch.Add(write);
                }

                await WriteWithRetryAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await DrainAtShutdownAsync(batch);
        }
    }

    /// <summary>The ARI pump has stopped first (hosted services stop in reverse order): write what is left, briefly.</summary>
    private async Task DrainAtShutdownAsync(List<BufferedWrite> batch)
    {
        using var deadline = new CancellationTokenSource(ShutdownDrainTimeout);
        try
        {
            while (batch.Count > 0 || buffer.Count > 0)
            {
                while (batch.Count < _options.WriteBatchSize && buffer.Reader.TryRead(out var write))
                {
                    batch.Add(write);
                }

                await WriteBatchAsync(batch).WaitAsync(deadline.Token);
                batch.Clear();
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            LogUnwrittenAtShutdown(logger, ex, batch.Count + buffer.Count);
        }
    }

    private async Task WriteWithRetryAsync(List<BufferedWrite> batch, CancellationToken stoppingToken)
    {
        var delay = _options.WriteRetryInitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                // A failed attempt may have landed (Redis applied EXEC, then the reply was lost): never write it twice.
                if (attempt > 1 && await AlreadyWrittenAsync(batch))
                {
                    LogAlreadyWritten(logger, batch.Count);
                }
                else
                {
                    await WriteBatchAsync(batch);
                }

                metrics.EntriesWritten(batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (state.LastError is not null)
                {
                    LogRecovered(logger, attempt, buffer.Count);
                }

                state.Succeeded(time.GetUtcNow());
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or InvalidOperationException)
            {
                state.Failed(ex);
                LogWriteFailed(logger, ex, batch.Count, attempt, buffer.Count, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.WriteRetryMaxDelay.Ticks));
            }
        }
    }

    /// <summary>
    /// MULTI/EXEC makes a batch all-or-nothing, and this service is the stream's only writer, so the
    /// batch landed exactly when its last entry is the tail of its stream.
    /// </summary>
    private async Task<bool> AlreadyWrittenAsync(List<BufferedWrite> batch)
    {
        var last = batch[^1];
        var tail = await redis.GetDatabase().StreamRangeAsync(last.Stream, "-", "+", count: 1, messageOrder: Order.Descending);
        return tail.Length == 1 && tail[0][AriStreamFields.EventId] == last.EventId;
    }

    private async Task WriteBatchAsync(List<BufferedWrite> batch)
    {
        var database = redis.GetDatabase();
        var transaction = database.CreateTransaction();
        var pending = new Task[batch.Count];
        int? maxLength = _options.StreamMaxLength > 0 ? _options.StreamMaxLength : null;
        for (var i = 0; i < batch.Count; i++)
        {
            var write = batch[i];
            var fields = new NameValueEntry[write.Fields.Count];
            for (var f = 0; f < fields.Length; f++)
            {
                fields[f] = new NameValueEntry(write.Fields[f].Key, write.Fields[f].Value);
            }

            pending[i] = transaction.StreamAddAsync(
                write.Stream, fields, maxLength: write.Trim ? maxLength : null, useApproximateMaxLength: true);
        }

        if (!await transaction.ExecuteAsync())
        {
            throw new InvalidOperationException("Redis discarded the MULTI/EXEC batch.");
        }

        await Task.WhenAll(pending);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} entries to Redis failed (attempt {Attempt}); {Buffered} entries buffered; retrying in {DelayMs} ms")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, int attempt, int buffered, long delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "A batch of {Count} entries whose write seemed to fail had landed; not writing it again")]
    private static partial void LogAlreadyWritten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis writes recovered after {Attempt} attempts; {Buffered} entries still buffered")]
    private static partial void LogRecovered(ILogger logger, int attempt, int buffered);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shutting down with {Count} entries not written to Redis")]
    private static partial void LogUnwrittenAtShutdown(ILogger logger, Exception exception, int count);
}
