using CallCenter.Ari.Events;

namespace CallCenter.Ingestion.AriEvents;

/// <summary>
/// Channels of endpoints that are not the call centre's (<see cref="IngestionOptions.IgnoredEndpoints"/>), such as the
/// bundled stack's simulated provider answering the trunk inside the same Asterisk: each such channel would
/// otherwise become a call of its own next to the agent's outbound call.
/// </summary>
public sealed class IgnoredChannels(IEnumerable<string> endpoints)
{
    // "PJSIP/simulated-provider" names channels "PJSIP/simulated-provider-0000002a".
    private readonly string[] _namePrefixes = [.. endpoints.Where(endpoint => endpoint.Length > 0).Select(endpoint => endpoint + "-")];

    public bool Contains(AriEvent ariEvent) =>
        _namePrefixes.Length > 0
        && CallKeys.PrimaryChannel(ariEvent) is { } channel
        && _namePrefixes.Any(prefix => channel.Name.StartsWith(prefix, StringComparison.Ordinal));
}
