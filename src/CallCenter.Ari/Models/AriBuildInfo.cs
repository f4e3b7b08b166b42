using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

public sealed record AriBuildInfo
{
    [JsonPropertyName("os")] public string Os { get; init; } = "";
    [JsonPropertyName("kernel")] public string Kernel { get; init; } = "";
    [JsonPropertyName("machine")] public string Machine { get; init; } = "";
    [JsonPropertyName("options")] public string Options { get; init; } = "";
    [JsonPropertyName("date")] public string Date { get; init; } = "";
    [JsonPropertyName("user")] public string User { get; init; } = "";
}
