namespace CallCenter.Contracts;

/// <summary>One channel in a <see cref="ChannelSnapshot"/>.</summary>
public sealed record SnapshotChannel(string Id, string? CallKey, string Name, string State, DateTimeOffset? CreatedAt);
