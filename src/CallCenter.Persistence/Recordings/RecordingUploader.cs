using System.Security.Cryptography;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs.Models;
using CallCenter.Ari;
using CallCenter.Ari.Rest;
using CallCenter.Data;
using CallCenter.Persistence.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallCenter.Persistence.Recordings;

/// <summary>
/// Moves finished calls' recordings from Asterisk (ARI stored recordings) to blob storage: fetch,
/// upload, verify the stored checksum, record the row, and only then delete Asterisk's copy. Any
/// failure leaves the source in place and retries with backoff; a recording that keeps failing is
/// reported (status "failed", metric, error log) and still retried, never dropped. Rows are leased
/// (FOR UPDATE SKIP LOCKED), so several instances share the work without doing a file twice at once.
/// </summary>
internal sealed partial class RecordingUploader(
    IServiceScopeFactory scopes,
    DatabaseReadiness readiness,
    RecordingStore store,
    RecordingWakeup wakeup,
    IOptions<RecordingOptions> options,
    PersistenceMetrics metrics,
    TimeProvider time,
    ILogger<RecordingUploader> logger) : BackgroundService
{
    private readonly RecordingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        await readiness.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                worked = await ProcessDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, ex);
            }

            if (worked == 0)
            {
                await wakeup.WaitAsync(_options.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Leases and processes one batch of due recordings; returns how many it took.</summary>
    internal async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CallCenterDbContext>();
        var ari = scope.ServiceProvider.GetRequiredService<AriClient>();

        var due = await LeaseDueAsync(db, cancellationToken);
        if (due.Count == 0)
        {
            await RefreshBacklogAsync(db, cancellationToken);
            return 0;
        }

        var callIds = due.Select(r => r.CallId).ToList();
        var startedAt = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.StartedAt, cancellationToken);
        foreach (var recording in due)
        {
            await ProcessAsync(db, ari, recording, startedAt.GetValueOrDefault(recording.CallId, recording.CreatedAt), cancellationToken);
        }

        return due.Count;
    }

    private async Task<List<Recording>> LeaseDueAsync(CallCenterDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Recordings.FromSql(
            $"""
            SELECT * FROM recordings
            WHERE status IN ('pending', 'uploaded', 'failed') AND next_attempt_at <= {now}
              AND (leased_until IS NULL OR leased_until < {now})
            ORDER BY next_attempt_at
            LIMIT {_options.BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        foreach (var recording in due)
        {
            recording.LeasedUntil = now + _options.Lease;
            recording.Attempts++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due;
    }

    private async Task ProcessAsync(CallCenterDbContext db, AriClient ari, Recording recording, DateTimeOffset callStartedAt, CancellationToken cancellationToken)
    {
        using var activity = PersistenceTelemetry.ActivitySource.StartActivity("Upload recording");
        activity?.SetTag("callcenter.recording.source", recording.SourceName);
        activity?.SetTag("callcenter.call.id", recording.CallId);
        try
        {
            if (recording.UploadedAt is null)
            {
                await UploadAsync(ari, recording, callStartedAt, cancellationToken);
                recording.Status = RecordingStatus.Uploaded;
                recording.LastError = null;
                // The verified upload is recorded before Asterisk's copy is touched.
                await db.SaveChangesAsync(cancellationToken);
                metrics.RecordingUploaded();
                LogUploaded(logger, recording.SourceName, recording.BlobName!, recording.SizeBytes ?? 0);
            }

            try
            {
                await ari.Recordings.DeleteStoredAsync(recording.SourceName, cancellationToken);
            }
            catch (AriNotFoundException)
            {
                // Already gone (deleted on an earlier attempt that died before saving): nothing to keep.
            }

            recording.Status = RecordingStatus.Completed;
            recording.SourceDeletedAt = time.GetUtcNow();
            recording.LeasedUntil = null;
            recording.LastError = null;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            metrics.RecordingAttemptFailed();
            var delay = TimeSpan.FromTicks(Math.Min(
                _options.InitialRetryDelay.Ticks * (1L << Math.Min(recording.Attempts - 1, 20)),
                _options.MaxRetryDelay.Ticks));
            recording.LastError = CallCenter.Persistence.Calls.ColumnText.Truncate($"{ex.GetType().Name}: {ex.Message}", 2000);
            recording.NextAttemptAt = time.GetUtcNow() + delay;
            recording.LeasedUntil = null;
            if (recording.UploadedAt is null && recording.Attempts >= _options.AttemptsBeforeReportingFailure && recording.Status != RecordingStatus.Failed)
            {
                recording.Status = RecordingStatus.Failed;
                metrics.RecordingReportedFailed();
                LogReportedFailed(logger, ex, recording.SourceName, recording.CallId, recording.Attempts);
            }
            else
            {
                LogAttemptFailed(logger, ex, recording.SourceName, recording.Attempts, delay.TotalSeconds);
            }

            await SaveFailureAsync(db, recording);
        }
    }

    private async Task UploadAsync(AriClient ari, Recording recording, DateTimeOffset callStartedAt, CancellationToken cancellationToken)
    {
        var stored = await ari.Recordings.GetStoredAsync(recording.SourceName, cancellationToken);
        byte[] content;
        await using (var source = await ari.Recordings.OpenStoredFileAsync(recording.SourceName, cancellationToken))
        {
            content = await ReadBoundedAsync(source, _options.MaxRecordingBytes, cancellationToken);
        }

        // Content-MD5 is what Blob Storage itself stores and checks; SHA-256 is our own record of the bytes.
#pragma warning disable CA5351 // Integrity check required by the storage protocol, not a security use.
        var md5 = MD5.HashData(content);
#pragma warning restore CA5351
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var contentType = RecordingFile.ContentTypeOf(stored.Format);
        var blobName = RecordingFile.BlobNameFor(callStartedAt, recording.CallId, recording.SourceName, stored.Format);

        var container = await store.GetContainerAsync(cancellationToken);
        var blob = container.GetBlobClient(blobName);
        await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType, ContentHash = md5 },
            Metadata = new Dictionary<string, string>
            {
                ["sha256"] = sha256,
                ["callid"] = recording.CallId.ToString(),
                ["source"] = recording.SourceName,
            },
            // The service checks each request's MD5 on arrival.
            TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 },
        }, cancellationToken);

        BlobProperties properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        if (properties.ContentLength != content.Length || properties.ContentHash is null || !properties.ContentHash.AsSpan().SequenceEqual(md5))
        {
            throw new RequestFailedException($"Uploaded blob {blobName} does not match: {properties.ContentLength} bytes stored, {content.Length} sent, or the stored MD5 differs.");
        }

        recording.ContainerName = container.Name;
        recording.BlobName = blobName;
        recording.ContentType = contentType;
        recording.SizeBytes = content.Length;
        recording.Sha256 = sha256;
        recording.DurationSeconds = RecordingFile.WavDurationSeconds(content);
        recording.UploadedAt = time.GetUtcNow();
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InvalidOperationException($"Recording is larger than Recordings:MaxRecordingBytes ({maxBytes}).");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private async Task SaveFailureAsync(CallCenterDbContext db, Recording recording)
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The database is down too: the lease expires and the recording is picked up again.
            LogSaveFailed(logger, ex, recording.SourceName);
        }
    }

    private async Task RefreshBacklogAsync(CallCenterDbContext db, CancellationToken cancellationToken)
    {
        var backlog = await db.Recordings.CountAsync(r => r.Status != RecordingStatus.Completed, cancellationToken);
        metrics.RecordingsBacklog(backlog);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording {Source} uploaded to {Blob} ({Bytes} bytes, verified)")]
    private static partial void LogUploaded(ILogger logger, string source, string blob, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {Source} attempt {Attempt} failed; Asterisk's copy is kept, retrying in {DelaySeconds} s")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string source, int attempt, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {Source} of call {CallId} keeps failing after {Attempts} attempts; reported as failed and still retried")]
    private static partial void LogReportedFailed(ILogger logger, Exception exception, string source, Guid callId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save the failure of recording {Source}; its lease will expire and it is retried")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception, string source);
}
