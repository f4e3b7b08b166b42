using System.Globalization;
using CallCenter.Contracts.Diagnostics;
using CallCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Diagnostics.Checks;

/// <summary>6. The persistence worker: last commit, migrations, blob storage, recordings waiting to upload.</summary>
public sealed class WorkerCheck(
    ServiceStatusReader statuses,
    IDbContextFactory<CallCenterDbContext> dbFactory,
    IOptions<DiagnosticsOptions> options,
    TimeProvider time) : IDiagnosticCheck
{
    public int Order => 6;

    public string Name => "Worker";

    public async Task<DiagnosticCheck> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var result = new CheckResult(Name, time);
        var all = await statuses.WorkersAsync();
        var fresh = all.Where(s => now - s.UpdatedAt <= settings.StatusStaleAfter).ToList();
        foreach (var stale in all.Except(fresh))
        {
            result.Saw($"worker {stale.ConsumerName}", $"silent since {Age.When(stale.UpdatedAt, now)}");
        }

        await SeeDatabaseAsync(result, now, settings, cancellationToken);
        if (fresh.Count == 0)
        {
            result.Problem(DiagnosticStatus.Failed, $"No persistence worker has reported in the last {Age.Of(settings.StatusStaleAfter)}: events pile up in the stream and no call reaches the log.",
                "Start the persistence worker (CallCenter.Persistence) with the same ConnectionStrings__redis and ConnectionStrings__callcenterdb as the API; if it runs, its log says why it stopped.");
            return result.Build("");
        }

        foreach (var worker in fresh)
        {
            See(result, worker, now);
        }

        var latest = fresh.Max(w => w.LastCommitAt);
        return result.Build($"{fresh.Count} worker(s) running; last commit {Age.When(latest, now)}.");
    }

    private static void See(CheckResult result, WorkerStatus worker, DateTimeOffset now)
    {
        var label = $"worker {worker.ConsumerName}";
        result.Saw($"{label} last commit", Age.When(worker.LastCommitAt, now));
        result.Saw($"{label} migrations", worker.Migrated ? "applied" : "not applied yet");
        result.Saw($"{label} blob storage", worker.RecordingsEnabled
            ? worker.BlobStorageReachable == true ? "reachable" : $"unreachable: {worker.BlobStorageError}"
            : "recordings off");
        if (!worker.Migrated)
        {
            result.Problem(DiagnosticStatus.Failed, "The worker has not applied the database migrations yet (PostgreSQL unreachable?).",
                "The worker migrates at its start and retries while PostgreSQL is away: check ConnectionStrings__callcenterdb and that PostgreSQL accepts connections; its log names the error.");
        }

        if (worker.CommitFailure is { } failure)
        {
            result.Problem(DiagnosticStatus.Failed, $"The worker's commits fail and are retried: {failure}",
                "Usually PostgreSQL is down or refuses the connection: check ConnectionStrings__callcenterdb; nothing is lost, entries stay pending until a commit succeeds.");
        }

        if (worker.RecordingsEnabled && worker.BlobStorageReachable != true)
        {
            result.Problem(DiagnosticStatus.Failed, $"Blob storage is unreachable from the worker: {worker.BlobStorageError}",
                "Check ConnectionStrings__blobs (connection string, or account URL with a managed identity allowed to write blobs) and that the storage (Azurite locally) runs. Recordings wait in Asterisk meanwhile.");
        }
    }

    private async Task SeeDatabaseAsync(CheckResult result, DateTimeOffset now, DiagnosticsOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var known = db.Database.GetMigrations().ToList();
        result.Saw("schema", $"{applied.Count} of the {known.Count} migrations this API knows are applied (newest {applied.LastOrDefault() ?? "none"})");

        var waiting = db.Recordings.AsNoTracking().Where(r => r.Status == RecordingStatus.Pending || r.Status == RecordingStatus.Uploaded || r.Status == RecordingStatus.Failed);
        var count = await waiting.CountAsync(cancellationToken);
        var oldest = count == 0 ? null : await waiting.MinAsync(r => (DateTimeOffset?)r.CreatedAt, cancellationToken);
        var failed = await waiting.CountAsync(r => r.Status == RecordingStatus.Failed, cancellationToken);
        result.Saw("recordings waiting to upload", count == 0 ? "none" : $"{count.ToString(CultureInfo.InvariantCulture)}, the oldest since {Age.When(oldest, now)}");
        if (failed > 0)
        {
            var lastError = await waiting.Where(r => r.Status == RecordingStatus.Failed).OrderByDescending(r => r.CreatedAt).Select(r => r.LastError).FirstOrDefaultAsync(cancellationToken);
            result.Problem(DiagnosticStatus.Warning, $"{failed} recordings keep failing to upload (still retried): {lastError}",
                "See the worker's blob storage line above and its log; a recording Asterisk no longer has cannot be uploaded (GET /ari/recordings/stored).");
        }
        else if (oldest is { } since && now - since >= settings.UploadAgeWarning)
        {
            result.Problem(DiagnosticStatus.Warning, $"A recording has waited {Age.Of(now - since)} to upload.",
                "The worker uploads within seconds normally: see its blob storage line and its log.");
        }
    }
}
