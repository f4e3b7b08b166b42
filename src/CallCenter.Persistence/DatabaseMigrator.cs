using CallCenter.Data;
using CallCenter.Persistence.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace CallCenter.Persistence;

/// <summary>
/// Applies the EF Core migrations at start, retrying while PostgreSQL is not reachable yet. The worker is the
/// only service that migrates; the API waits for the schema. EF takes a database lock while migrating, so
/// several replicas starting together are safe.
/// </summary>
internal sealed partial class DatabaseMigrator(
    IServiceScopeFactory scopes,
    DatabaseReadiness readiness,
    IOptions<PersistenceOptions> options,
    ILogger<DatabaseMigrator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.InitialRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var activity = PersistenceTelemetry.ActivitySource.StartActivity("Migrate database");
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CallCenterDbContext>();
                // On a new database EF would read the missing history table first and log that as an error.
                if (!await MigrationHistory.TableExistsAsync(db, stoppingToken))
                {
                    await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(stoppingToken);
                }

                await db.Database.MigrateAsync(stoppingToken);
                LogMigrated(logger);
                readiness.MarkReady();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogMigrationFailed(logger, ex, attempt, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date")]
    private static partial void LogMigrated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying database migrations failed (attempt {Attempt}); retrying in {DelaySeconds} s")]
    private static partial void LogMigrationFailed(ILogger logger, Exception exception, int attempt, double delaySeconds);
}
