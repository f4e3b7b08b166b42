namespace CallCenter.Ari.Connection;

public enum AriConnectionState
{
    Disconnected,
    /// <summary>First connection attempt after the enumeration started.</summary>
    Connecting,
    Connected,
    /// <summary>Lost or never reached the socket; waiting out a backoff or trying again.</summary>
    Reconnecting,
}
