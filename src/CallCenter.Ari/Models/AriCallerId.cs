using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

public sealed record AriCallerId
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("number")] public string Number { get; init; } = "";
}
