using System.Text.Json.Serialization;

namespace CallCenter.Ari.Internal;

/// <summary>Originate takes channel variables in the body: {"variables":{"NAME":"value"}}.</summary>
internal sealed record AriVariablesBody
{
    [JsonPropertyName("variables")] public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();
}
