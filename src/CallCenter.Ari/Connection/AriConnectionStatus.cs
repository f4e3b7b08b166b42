namespace CallCenter.Ari.Connection;

/// <param name="State">Where the event connection is now.</param>
/// <param name="Attempt">Consecutive failed connection attempts since the last successful connect (0 while connected).</param>
/// <param name="LastError">Why the last connection attempt failed or the last connection dropped; kept after recovering.</param>
/// <param name="ConnectionSequence">How many successful connects this stream has made; matches <see cref="Events.AriConnected.ConnectionSequence"/>.</param>
/// <param name="ConnectedSince">When the current connection was made; null unless connected.</param>
public sealed record AriConnectionStatus(
    AriConnectionState State,
    int Attempt,
    Exception? LastError,
    long ConnectionSequence,
    DateTimeOffset? ConnectedSince)
{
    public static AriConnectionStatus Initial { get; } = new(AriConnectionState.Disconnected, 0, null, 0, null);
}
