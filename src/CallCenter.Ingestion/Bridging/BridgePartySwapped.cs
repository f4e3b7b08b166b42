namespace CallCenter.Ingestion.Bridging;

/// <summary>
/// A channel entered the application in place of <paramref name="ReplacedChannelId"/> (a phone's transfer swaps a
/// Local channel to the destination into the bridge): the replaced channel's leaving is not the end of the call.
/// </summary>
public sealed record BridgePartySwapped(string ReplacedChannelId) : BridgeWork;
