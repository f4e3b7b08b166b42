using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

/// <summary>ARI Endpoint: a device that may place or take calls (PJSIP/1001, PJSIP/trunk).</summary>
public sealed record AriEndpoint
{
    [JsonPropertyName("technology")] public string Technology { get; init; } = "";
    [JsonPropertyName("resource")] public string Resource { get; init; } = "";
    /// <summary>unknown, offline or online (for PJSIP: online while a contact of its AORs is reachable).</summary>
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("channel_ids")] public IReadOnlyList<string> ChannelIds { get; init; } = [];
}
