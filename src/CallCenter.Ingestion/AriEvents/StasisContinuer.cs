using CallCenter.Ari;
using CallCenter.Ari.Rest;
using Microsoft.Extensions.Options;

namespace CallCenter.Ingestion.AriEvents;

/// <summary>
/// Hands channels that entered the call-center application back to the dialplan (POST continue), so
/// asterisk/extensions.conf routes them to agents. Runs beside the event pump so a slow REST call
/// never holds up event ingestion. A channel that is already gone is normal (the caller hung up).
/// </summary>
public sealed partial class StasisContinuer(
    StasisContinuationQueue queue,
    AriClient ari,
    IOptions<IngestionOptions> options,
    ILogger<StasisContinuer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Parallel.ForEachAsync(
            queue.Reader.ReadAllAsync(stoppingToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ContinueConcurrency, CancellationToken = stoppingToken },
            ContinueAsync);

    private async ValueTask ContinueAsync(string channelId, CancellationToken cancellationToken)
    {
        try
        {
            if (!await ari.Channels.ContinueInDialplanAsync(channelId, cancellationToken: cancellationToken).ExceptWhenGoneAsync())
            {
                LogChannelGone(logger, channelId);
            }
        }
        catch (AriConflictException)
        {
            // 409: it already left the application (hung up or redirected meanwhile).
            LogChannelGone(logger, channelId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The channel stays parked in Stasis: say so loudly, an operator may have to hang it up.
            LogContinueFailed(logger, ex, channelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Channel {ChannelId} was gone before it could be continued")]
    private static partial void LogChannelGone(ILogger logger, string channelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not hand channel {ChannelId} back to the dialplan")]
    private static partial void LogContinueFailed(ILogger logger, Exception exception, string channelId);
}
