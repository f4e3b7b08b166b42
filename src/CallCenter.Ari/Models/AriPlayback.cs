using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

public sealed record AriPlayback
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("media_uri")] public string MediaUri { get; init; } = "";
    [JsonPropertyName("next_media_uri")] public string? NextMediaUri { get; init; }
    [JsonPropertyName("target_uri")] public string TargetUri { get; init; } = "";
    [JsonPropertyName("language")] public string? Language { get; init; }
    /// <summary>queued, playing, continuing, done, failed.</summary>
    [JsonPropertyName("state")] public string State { get; init; } = "";
}
