using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record ChannelHold : AriEvent
{
    [JsonPropertyName("channel")] public AriChannel Channel { get; init; } = new();
    [JsonPropertyName("musicclass")] public string? MusicClass { get; init; }
}
