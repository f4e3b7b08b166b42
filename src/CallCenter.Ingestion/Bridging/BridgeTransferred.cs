namespace CallCenter.Ingestion.Bridging;

/// <summary>A phone transferred a party out of one of our bridges (SIP REFER): whoever is left there is not hung up for it.</summary>
public sealed record BridgeTransferred(string BridgeId) : BridgeWork;
