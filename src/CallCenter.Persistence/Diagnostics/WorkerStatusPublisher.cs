using System.Text.Json;
using Azure.Storage.Blobs;
using CallCenter.Contracts.Diagnostics;
using CallCenter.Persistence.Consumption;
using CallCenter.Persistence.Recordings;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CallCenter.Persistence.Diagnostics;

/// <summary>
/// Keeps this worker's <see cref="WorkerStatus"/> in Redis for the API's diagnostics: last commit, migration state and
/// whether blob storage answers. A failed write is logged and tried again at the next interval.
/// </summary>
public sealed partial class WorkerStatusPublisher(
    IConnectionMultiplexer redis,
    IServiceProvider services,
    DatabaseReadiness readiness,
    ConsumerState consumer,
    IOptions<PersistenceOptions> persistence,
    IOptions<RecordingOptions> recordings,
    IOptions<StatusPublishingOptions> options,
    TimeProvider time,
    ILogger<WorkerStatusPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan BlobProbeTimeout = TimeSpan.FromSeconds(5);
    private readonly string _key = ServiceStatusKeys.Worker(persistence.Value.StreamName);
    private readonly string _consumerName = persistence.Value.EffectiveConsumerName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StatusInterval, time);
        var failing = false;
        do
        {
            try
            {
                var json = JsonSerializer.Serialize(await CurrentAsync(stoppingToken), DiagnosticsJsonContext.Default.WorkerStatus);
                await redis.GetDatabase().HashSetAsync(_key, _consumerName, json);
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
            // A stopped worker is gone, not stale: the diagnostics say so at once.
            await redis.GetDatabase().HashDeleteAsync(_key, _consumerName);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            // ObjectDisposedException: the host disposed the Redis connection first; the record then ages out as stale.
            LogPublishFailed(logger, ex);
        }
    }

    private async Task<WorkerStatus> CurrentAsync(CancellationToken cancellationToken)
    {
        var enabled = recordings.Value.Enabled;
        var (reachable, error) = enabled ? await ProbeBlobStorageAsync(cancellationToken) : (null, null);
        return new WorkerStatus
        {
            ConsumerName = _consumerName,
            Migrated = readiness.IsReady,
            LastCommitAt = consumer.LastCommitAt,
            CommitFailure = consumer.Failure,
            RecordingsEnabled = enabled,
            BlobStorageReachable = reachable,
            BlobStorageError = error,
            UpdatedAt = time.GetUtcNow(),
        };
    }

    private async Task<(bool?, string?)> ProbeBlobStorageAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(BlobProbeTimeout);
        try
        {
            // Resolved only with recordings on: with them off the account may not be configured at all.
            var blobs = services.GetRequiredService<BlobServiceClient>();
            await blobs.GetBlobContainerClient(recordings.Value.ContainerName).ExistsAsync(timeout.Token);
            return (true, null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever the SDK throws (refused, unauthorised, DNS, timeout), the answer is the same: not reachable.
            return (false, ex is OperationCanceledException ? $"no answer within {BlobProbeTimeout.TotalSeconds:0} s" : ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the worker status for diagnostics; trying again at the next interval")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
