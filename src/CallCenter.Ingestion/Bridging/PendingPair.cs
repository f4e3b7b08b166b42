namespace CallCenter.Ingestion.Bridging;

/// <summary>An answered call whose first party is in its bridge and whose second has not arrived yet.</summary>
internal sealed class PendingPair(string bridgeId, string firstChannelId)
{
    public string BridgeId { get; } = bridgeId;

    public string FirstChannelId { get; } = firstChannelId;

    /// <summary>The first party left (hung up) before the second arrived: the second is hung up when it comes.</summary>
    public bool Abandoned { get; set; }

    /// <summary>Bridging the first party failed and it went back to the dialplan: the second follows it there.</summary>
    public bool FellBack { get; init; }
}
