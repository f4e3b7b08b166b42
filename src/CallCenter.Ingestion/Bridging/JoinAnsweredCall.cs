namespace CallCenter.Ingestion.Bridging;

/// <summary>
/// A party of an answered Dial() entered the application from [callcenter-answered]; <paramref name="PairKey"/>
/// (the answering channel's name) is the same for the caller and the party that answered.
/// </summary>
public sealed record JoinAnsweredCall(string ChannelId, string PairKey) : BridgeWork;
