using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

public sealed record AriEndpoint
{
    [JsonPropertyName("technology")] public string Technology { get; init; } = "";
    [JsonPropertyName("resource")] public string Resource { get; init; } = "";
    /// <summary>unknown, offline, online.</summary>
    [JsonPropertyName("state")] public string? State { get; init; }
    [JsonPropertyName("channel_ids")] public IReadOnlyList<string> ChannelIds { get; init; } = [];
}
