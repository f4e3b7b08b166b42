namespace CallCenter.Ingestion.Bridging;

/// <summary>The events socket (re)connected: events about our bridges may have been missed while it was down.</summary>
public sealed record ResynchroniseBridges : BridgeWork;
