using CallCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Api.Startup;

/// <summary>
/// Holds the API's start until the database has every migration this build knows. The persistence worker owns
/// the schema and migrates it at its start; the API never migrates. Hosted services start before Kestrel
/// listens, so no request is served against an older schema. A newer schema (the worker upgraded first) is fine:
/// migrations only add.
/// </summary>
internal sealed partial class MigratedSchemaWait(IDbContextFactory<CallCenterDbContext> dbFactory, ILogger<MigratedSchemaWait> logger) : IHostedService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var pending = await MigrationHistory.PendingAsync(db, cancellationToken);
                if (pending.Count == 0)
                {
                    return;
                }

                LogWaitingForMigrations(logger, pending.Count, pending[^1]);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogDatabaseUnreachable(logger, ex);
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for the persistence worker to migrate the database: {PendingCount} migrations missing, up to {LatestMigration}")]
    private static partial void LogWaitingForMigrations(ILogger logger, int pendingCount, string latestMigration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for the database: its schema could not be read")]
    private static partial void LogDatabaseUnreachable(ILogger logger, Exception exception);
}
