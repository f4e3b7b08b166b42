using System.Diagnostics;
using CallCenter.Contracts;
using CallCenter.Ingestion.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CallCenter.Ingestion.Streaming;

/// <summary>
/// Drains the buffer into Redis in batches, each appended by one atomic, idempotent script call
/// (<see cref="AppendScript"/>), so a failed write is retried whole, in order, and never lands twice.
/// While Redis is down the batch is retried with capped exponential backoff and the buffer absorbs
/// new events.
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
                if (await WriteBatchAsync(batch) < batch.Count)
                {
                    // A failed attempt had landed after all (Redis ran it, then the reply was lost): not written twice.
                    LogAlreadyWritten(logger, batch.Count);
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
    /// Appends the batch with one script call per run of entries for the same stream (almost always one),
    /// so the client sends one command instead of hundreds. Returns how many entries were appended now.
    /// </summary>
    private async Task<int> WriteBatchAsync(List<BufferedWrite> batch)
    {
        var database = redis.GetDatabase();
        var written = 0;
        var start = 0;
        while (start < batch.Count)
        {
            var end = start + 1;
            while (end < batch.Count && batch[end].Stream == batch[start].Stream)
            {
                end++;
            }

            written += await AppendRunAsync(database, batch, start, end);
            start = end;
        }

        return written;
    }

    private async Task<int> AppendRunAsync(IDatabase database, List<BufferedWrite> batch, int start, int end)
    {
        var run = batch.GetRange(start, end - start);
        var maxLength = run[0].Trim ? _options.StreamMaxLength : 0;
        var appended = (long)await database.ScriptEvaluateAsync(AppendScript.Text, [run[0].Stream], AppendScript.Arguments(run, maxLength));
        return appended < 0 ? 0 : (int)appended;
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
