using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record BridgeBlindTransfer : AriEvent
{
    /// <summary>The channel performing the transfer.</summary>
    [JsonPropertyName("channel")] public AriChannel Channel { get; init; } = new();
    [JsonPropertyName("replace_channel")] public AriChannel? ReplaceChannel { get; init; }
    [JsonPropertyName("transferee")] public AriChannel? Transferee { get; init; }
    [JsonPropertyName("exten")] public string Extension { get; init; } = "";
    [JsonPropertyName("context")] public string Context { get; init; } = "";
    /// <summary>Success, Fail, Invalid, Not Permitted.</summary>
    [JsonPropertyName("result")] public string Result { get; init; } = "";
    [JsonPropertyName("is_external")] public bool IsExternal { get; init; }
    [JsonPropertyName("bridge")] public AriBridge? Bridge { get; init; }
}
