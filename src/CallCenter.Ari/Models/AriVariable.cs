using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

public sealed record AriVariable
{
    [JsonPropertyName("value")] public string Value { get; init; } = "";
}
