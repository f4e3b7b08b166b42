using System.Text.Json;
using CallCenter.Ari;
using CallCenter.Ari.Connection;
using CallCenter.Contracts.Diagnostics;
using CallCenter.Ingestion.Streaming;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CallCenter.Ingestion.Diagnostics;

/// <summary>
/// Keeps this instance's <see cref="IngestionStatus"/> in Redis, so the API's diagnostics can say whether the ARI
/// socket is up, when the last event came and how often it reconnected. A failed write is logged and tried again at
/// the next interval: Redis being down is itself what the diagnostics then report.
/// </summary>
public sealed partial class IngestionStatusPublisher(
    IConnectionMultiplexer redis,
    AriEventStream events,
    IngestionActivity activity,
    EntryBuffer buffer,
    StreamWriterState writer,
    IOptions<AriOptions> ari,
    IOptions<IngestionOptions> ingestion,
    IOptions<StatusPublishingOptions> options,
    TimeProvider time,
    ILogger<IngestionStatusPublisher> logger) : BackgroundService
{
    private readonly string _key = ServiceStatusKeys.Ingestion(ingestion.Value.StreamName);
    private readonly string _instanceId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StatusInterval, time);
        var failing = false;
        do
        {
            try
            {
                var json = JsonSerializer.Serialize(Current(), DiagnosticsJsonContext.Default.IngestionStatus);
                await redis.GetDatabase().HashSetAsync(_key, _instanceId, json);
                failing = false;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                if (!failing)
                {
                    LogPublishFailed(logger, ex);
                }

                failing = true;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // A stopped instance is not "stale", it is gone: the diagnostics should not wait for it to age out.
            await redis.GetDatabase().HashDeleteAsync(_key, _instanceId);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            // ObjectDisposedException: the host disposed the Redis connection first; the record then ages out as stale.
            LogPublishFailed(logger, ex);
        }
    }

    private IngestionStatus Current()
    {
        var now = time.GetUtcNow();
        var status = events.Status;
        return new IngestionStatus
        {
            InstanceId = _instanceId,
            Application = ari.Value.Application,
            SubscribeAll = ari.Value.SubscribeAll,
            ConnectionState = status.State.ToString(),
            ConnectedSince = status.State == AriConnectionState.Connected ? status.ConnectedSince : null,
            LastConnectionError = status.LastError?.Message,
            LastEventAt = activity.LastEventAt,
            RecentReconnects = activity.RecentReconnects(now),
            BufferedEntries = buffer.Count,
            DroppedEntries = writer.Dropped,
            LastWriteError = writer.LastError?.Message,
            UpdatedAt = now,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the ingestion status for diagnostics; trying again at the next interval")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
