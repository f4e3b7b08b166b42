namespace CallCenter.Ingestion.Bridging;

/// <summary>Something the answered-call bridger must act on, in the order the events that caused it arrived.</summary>
public abstract record BridgeWork;
