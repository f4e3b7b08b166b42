using Microsoft.Extensions.Logging;

namespace CallCenter.Ari.Connection;

internal static partial class AriEventLog
{
    [LoggerMessage(1, LogLevel.Information, "Connecting to ARI events at {EventsUrl} (attempt {Attempt})")]
    public static partial void Connecting(this ILogger logger, string eventsUrl, int attempt);

    [LoggerMessage(2, LogLevel.Information, "Connected to ARI events at {EventsUrl}, connection {ConnectionSequence}")]
    public static partial void Connected(this ILogger logger, string eventsUrl, long connectionSequence);

    [LoggerMessage(3, LogLevel.Warning, "ARI events connection to {EventsUrl} failed (attempt {Attempt}); retrying in {RetryDelayMs} ms")]
    public static partial void ConnectFailed(this ILogger logger, Exception exception, string eventsUrl, int attempt, long retryDelayMs);

    [LoggerMessage(4, LogLevel.Warning, "ARI events connection {ConnectionSequence} lost ({Reason}); reconnecting in {RetryDelayMs} ms")]
    public static partial void ConnectionLost(this ILogger logger, Exception? exception, long connectionSequence, string reason, long retryDelayMs);

    [LoggerMessage(5, LogLevel.Warning, "Malformed ARI frame of {FrameLength} chars: {Error}")]
    public static partial void MalformedFrame(this ILogger logger, int frameLength, string error);

    [LoggerMessage(6, LogLevel.Information, "ARI events stream stopped after {ConnectionCount} connections")]
    public static partial void Stopped(this ILogger logger, long connectionCount);
}
