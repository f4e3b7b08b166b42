namespace CallCenter.Ari.Events;

/// <summary>
/// Yielded right after each successful WebSocket connect, before any event of that connection. The sequence counts
/// connects over the lifetime of the <see cref="Connection.AriEventStream"/>, so a restarted enumeration also reports a reconnect.
/// Asterisk does not queue events for a disconnected app, so on <see cref="IsReconnect"/> the consumer resynchronises (GET /channels, /applications/{app}).
/// </summary>
public sealed record AriConnected(long ConnectionSequence, bool IsReconnect, DateTimeOffset ConnectedAt) : AriStreamItem;
