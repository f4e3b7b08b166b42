using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record ChannelVarset : AriEvent
{
    [JsonPropertyName("variable")] public string Variable { get; init; } = "";
    [JsonPropertyName("value")] public string Value { get; init; } = "";
    /// <summary>Null when a global variable was set.</summary>
    [JsonPropertyName("channel")] public AriChannel? Channel { get; init; }
}
