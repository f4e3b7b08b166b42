using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

public sealed record AriBridge
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("technology")] public string Technology { get; init; } = "";
    [JsonPropertyName("bridge_type")] public string BridgeType { get; init; } = "";
    [JsonPropertyName("bridge_class")] public string BridgeClass { get; init; } = "";
    [JsonPropertyName("creator")] public string Creator { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("channels")] public IReadOnlyList<string> Channels { get; init; } = [];
    [JsonPropertyName("video_mode")] public string? VideoMode { get; init; }
    [JsonPropertyName("video_source_id")] public string? VideoSourceId { get; init; }
    [JsonPropertyName("creationtime")] public DateTimeOffset? CreationTime { get; init; }
}
