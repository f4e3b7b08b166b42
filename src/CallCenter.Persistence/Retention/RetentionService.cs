using Azure;
using CallCenter.Data;
using CallCenter.Persistence.Recordings;
using CallCenter.Persistence.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallCenter.Persistence.Retention;

/// <summary>
/// Deletes finished calls older than Retention:Days with their events, legs and recording blobs.
/// Off by default. Calls whose recording has not landed yet are kept until it has.
/// </summary>
internal sealed partial class RetentionService(
    IServiceScopeFactory scopes,
    DatabaseReadiness readiness,
    RecordingStore store,
    IOptions<RetentionOptions> options,
    PersistenceMetrics metrics,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Days <= 0)
        {
            return;
        }

        await readiness.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await DeleteExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogDeleted(logger, deleted, options.Value.Days);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }

            await Task.Delay(options.Value.Interval, time, stoppingToken);
        }
    }

    /// <summary>Deletes everything expired, a batch per transaction; returns the number of calls deleted.</summary>
    internal async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        using var activity = PersistenceTelemetry.ActivitySource.StartActivity("Apply retention");
        var cutoff = time.GetUtcNow().AddDays(-options.Value.Days);
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CallCenterDbContext>();
            var expired = await db.Calls
                .Where(c => c.StartedAt < cutoff && c.EndedAt != null
                    && !c.Recordings.Any(r => r.Status != RecordingStatus.Completed))
                .OrderBy(c => c.StartedAt)
                .Select(c => new { c.Id, Blobs = c.Recordings.Where(r => r.BlobName != null).Select(r => new { r.ContainerName, r.BlobName }).ToList() })
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken);
            if (expired.Count == 0)
            {
                return total;
            }

            foreach (var blob in expired.SelectMany(c => c.Blobs))
            {
                var container = await store.GetContainerAsync(cancellationToken);
                try
                {
                    await container.GetBlobClient(blob.BlobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                }
            }

            var ids = expired.Select(c => c.Id).ToList();
            total += await db.Calls.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
            metrics.RetentionDeleted(ids.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} calls older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention pass failed; retried at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
