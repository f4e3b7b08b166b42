using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

public sealed record AriStoredRecording
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("format")] public string Format { get; init; } = "";
}
