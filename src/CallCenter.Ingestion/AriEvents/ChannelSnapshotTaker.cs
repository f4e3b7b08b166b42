using CallCenter.Ari;
using CallCenter.Contracts;
using Microsoft.Extensions.Options;

namespace CallCenter.Ingestion.AriEvents;

/// <summary>
/// Asterisk does not queue events for a disconnected application, so after every (re)connect the
/// channels it has now are written as a snapshot: the worker closes calls whose channels vanished.
/// </summary>
public sealed partial class ChannelSnapshotTaker(
    AriClient ari,
    IOptions<AriOptions> ariOptions,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<ChannelSnapshotTaker> logger)
{
    /// <summary>
    /// The snapshot and Asterisk's entity id (so the worker knows which PBX the snapshot speaks for, even before
    /// any event arrived), or null when Asterisk did not answer after the configured attempts (logged).
    /// </summary>
    public async Task<(ChannelSnapshot Snapshot, string AsteriskId)?> TakeAsync(long connectionNumber, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var info = await ari.Asterisk.GetInfoAsync(cancellationToken);
                var channels = await ari.Channels.ListAsync(cancellationToken);
                var application = await ari.Applications.GetAsync(ariOptions.Value.Application, cancellationToken);
                var snapshot = new ChannelSnapshot(
                    time.GetUtcNow(),
                    checked((int)connectionNumber),
                    [.. channels.Select(c => new SnapshotChannel(c.Id, CallKeys.CallKey(c), c.Name, c.State, c.CreationTime))],
                    [.. application.ChannelIds]);
                return (snapshot, info.System?.EntityId ?? string.Empty);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= options.Value.SnapshotAttempts)
                {
                    LogSnapshotFailed(logger, ex, attempt);
                    return null;
                }

                LogSnapshotRetry(logger, ex, attempt, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
                delay *= 2;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel snapshot attempt {Attempt} failed; retrying in {DelayMs} ms")]
    private static partial void LogSnapshotRetry(ILogger logger, Exception exception, int attempt, long delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Channel snapshot failed after {Attempts} attempts: calls that ended while disconnected stay open until the next snapshot")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, int attempts);
}
