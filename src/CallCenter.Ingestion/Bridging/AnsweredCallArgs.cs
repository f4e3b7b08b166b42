namespace CallCenter.Ingestion.Bridging;

/// <summary>The Stasis arguments [callcenter-answered] passes: bridge,&lt;caller|answerer&gt;,&lt;answering channel name&gt;.</summary>
public static class AnsweredCallArgs
{
    public const string Marker = "bridge";

    /// <summary>Prefix of the bridges the application creates for answered calls (and the only ones it manages).</summary>
    public const string BridgeIdPrefix = "callcenter-";

    public static bool TryGetPairKey(IReadOnlyList<string> args, out string pairKey)
    {
        pairKey = args.Count >= 3 && args[0] == Marker && args[1] is "caller" or "answerer" ? args[2] : "";
        return pairKey.Length > 0;
    }

    public static bool IsOurBridge(string? bridgeId) => bridgeId is not null && bridgeId.StartsWith(BridgeIdPrefix, StringComparison.Ordinal);
}
