using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

/// <summary>GET /channels/{id}/variable: the variable's value (empty when unset).</summary>
public sealed record AriVariable
{
    [JsonPropertyName("value")] public string Value { get; init; } = "";
}
