namespace CallCenter.Contracts.Diagnostics;

/// <summary>
/// What one ingestion instance reports about itself (the API cannot look inside it), refreshed every few seconds in the
/// Redis hash <see cref="ServiceStatusKeys.Ingestion"/> (per stream) under its instance id.
/// </summary>
public sealed record IngestionStatus
{
    public required string InstanceId { get; init; }

    /// <summary>The Stasis application the event socket registers (Ari:Application).</summary>
    public required string Application { get; init; }

    public required bool SubscribeAll { get; init; }

    /// <summary>Connected, Connecting, Reconnecting or Disconnected.</summary>
    public required string ConnectionState { get; init; }

    public DateTimeOffset? ConnectedSince { get; init; }

    /// <summary>Why the last connection attempt failed or the last connection dropped.</summary>
    public string? LastConnectionError { get; init; }

    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>Reconnects (not the first connect) within the last hour, oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> RecentReconnects { get; init; } = [];

    /// <summary>Entries waiting in memory for Redis.</summary>
    public int BufferedEntries { get; init; }

    public long DroppedEntries { get; init; }

    public string? LastWriteError { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
