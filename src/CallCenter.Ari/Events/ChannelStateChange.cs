using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record ChannelStateChange : AriEvent
{
    [JsonPropertyName("channel")] public AriChannel Channel { get; init; } = new();
}
