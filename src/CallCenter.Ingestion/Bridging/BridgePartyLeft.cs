namespace CallCenter.Ingestion.Bridging;

/// <summary>A channel left one of our bridges; <paramref name="RemainingChannelIds"/> are still in it.</summary>
public sealed record BridgePartyLeft(string BridgeId, string ChannelId, IReadOnlyList<string> RemainingChannelIds) : BridgeWork;
