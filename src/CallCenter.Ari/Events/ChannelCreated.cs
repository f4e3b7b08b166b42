using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record ChannelCreated : AriEvent
{
    [JsonPropertyName("channel")] public AriChannel Channel { get; init; } = new();
}
