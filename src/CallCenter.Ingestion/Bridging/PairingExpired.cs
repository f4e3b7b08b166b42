namespace CallCenter.Ingestion.Bridging;

/// <summary>The time for the second party of <paramref name="PairKey"/> to arrive is up.</summary>
public sealed record PairingExpired(string PairKey) : BridgeWork;
