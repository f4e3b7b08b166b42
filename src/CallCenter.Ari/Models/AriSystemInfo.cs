using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

public sealed record AriSystemInfo
{
    [JsonPropertyName("version")] public string Version { get; init; } = "";
    [JsonPropertyName("entity_id")] public string EntityId { get; init; } = "";
}
