namespace CallCenter.Ari.Events;

/// <summary>
/// Yielded right after each successful WebSocket connect, before any event of that connection. The sequence counts
/// connects over the lifetime of the <see cref="Connection.AriEventStream"/>, so a restarted enumeration also reports a reconnect.
/// Asterisk does not queue events for a disconnected app, so the consumer resynchronises on every marker (GET /channels,
/// /applications/{app}): calls may have started before the first connect, and anything may have happened during a gap.
/// </summary>
public sealed record AriConnected(long ConnectionSequence, bool IsReconnect, DateTimeOffset ConnectedAt) : AriStreamItem;
