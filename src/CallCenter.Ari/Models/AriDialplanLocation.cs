using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

/// <summary>ARI's DialplanCEP: where in the dialplan a channel currently is.</summary>
public sealed record AriDialplanLocation
{
    [JsonPropertyName("context")] public string Context { get; init; } = "";
    [JsonPropertyName("exten")] public string Extension { get; init; } = "";
    [JsonPropertyName("priority")] public long Priority { get; init; }
    [JsonPropertyName("app_name")] public string? AppName { get; init; }
    [JsonPropertyName("app_data")] public string? AppData { get; init; }
}
