using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record BridgeCreated : AriEvent
{
    [JsonPropertyName("bridge")] public AriBridge Bridge { get; init; } = new();
}
