using Microsoft.Extensions.Logging;

namespace CallCenter.Api.Telemetry;

/// <summary>Source-generated log messages of the API.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Error, "Unhandled exception while resolving a GraphQL field")]
    public static partial void UnhandledResolverException(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "GraphQL WebSocket {ConnectionId} opened from {RemoteIp}")]
    public static partial void SocketOpened(ILogger logger, string connectionId, string? remoteIp);

    [LoggerMessage(3, LogLevel.Information, "GraphQL WebSocket {ConnectionId} closed with {CloseCode} {Reason}")]
    public static partial void SocketClosed(ILogger logger, string connectionId, int closeCode, string reason);

    [LoggerMessage(4, LogLevel.Debug, "GraphQL WebSocket {ConnectionId} ended without a close handshake")]
    public static partial void SocketAborted(ILogger logger, string connectionId, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "GraphQL WebSocket {ConnectionId}: connection_init rejected ({Reason})")]
    public static partial void InitRejected(ILogger logger, string connectionId, string reason);

    [LoggerMessage(6, LogLevel.Information, "Listening for call change notices on Redis channel {Channel}")]
    public static partial void ListeningForNotices(ILogger logger, string channel);

    [LoggerMessage(7, LogLevel.Warning, "Ignored a malformed call change notice on {Channel}")]
    public static partial void MalformedNotice(ILogger logger, string channel, Exception? exception);

    [LoggerMessage(8, LogLevel.Warning, "Subscriber {SubscriberId} fell behind the committed changes; its subscription is ended (socket closed with 1013)")]
    public static partial void SubscriberLagging(ILogger logger, long subscriberId);

    [LoggerMessage(13, LogLevel.Warning, "Could not load call {CallId} after its change notice")]
    public static partial void CallLoadFailed(ILogger logger, Guid callId, Exception exception);

    [LoggerMessage(9, LogLevel.Information, "Call control {Action} on call {CallId} by {User}")]
    public static partial void CallControl(ILogger logger, string action, Guid callId, string? user);

    [LoggerMessage(10, LogLevel.Warning, "Call control {Action} on call {CallId} failed: ARI answered {StatusCode}")]
    public static partial void CallControlFailed(ILogger logger, string action, Guid callId, int statusCode, Exception exception);

    [LoggerMessage(14, LogLevel.Information, "Call control {Action} on call {CallId} waited for the channel to enter the application ({Refused} refusals)")]
    public static partial void CallControlWaitedForApplication(ILogger logger, string action, Guid callId, int refused);

    [LoggerMessage(11, LogLevel.Warning, "GraphQL request rejected: {Reason}")]
    public static partial void RequestRejected(ILogger logger, string reason);

    [LoggerMessage(12, LogLevel.Warning, "GraphQL WebSocket {ConnectionId} fell {Queued} messages behind; closing")]
    public static partial void SocketBackpressure(ILogger logger, string connectionId, int queued);
}
