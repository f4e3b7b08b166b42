using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record ChannelEnteredBridge : AriEvent
{
    [JsonPropertyName("bridge")] public AriBridge Bridge { get; init; } = new();
    [JsonPropertyName("channel")] public AriChannel? Channel { get; init; }
}
