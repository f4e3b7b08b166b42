using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

public sealed record AriApplication
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("channel_ids")] public IReadOnlyList<string> ChannelIds { get; init; } = [];
    [JsonPropertyName("bridge_ids")] public IReadOnlyList<string> BridgeIds { get; init; } = [];
    [JsonPropertyName("endpoint_ids")] public IReadOnlyList<string> EndpointIds { get; init; } = [];
    [JsonPropertyName("device_names")] public IReadOnlyList<string> DeviceNames { get; init; } = [];
}
