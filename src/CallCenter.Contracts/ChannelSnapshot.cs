namespace CallCenter.Contracts;

/// <summary>
/// The data of a snapshot entry: what Asterisk had when the ingestion service (re)connected.
/// A call whose channels are all absent here ended while the connection was down.
/// </summary>
public sealed record ChannelSnapshot(
    DateTimeOffset TakenAt,
    int ConnectionNumber,
    IReadOnlyList<SnapshotChannel> Channels,
    IReadOnlyList<string> ApplicationChannelIds);
