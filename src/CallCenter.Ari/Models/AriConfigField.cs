using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

/// <summary>One attribute of a sorcery object from GET /asterisk/config/dynamic/{class}/{type}/{id}.</summary>
public sealed record AriConfigField
{
    [JsonPropertyName("attribute")] public string Attribute { get; init; } = "";
    [JsonPropertyName("value")] public string Value { get; init; } = "";
}
