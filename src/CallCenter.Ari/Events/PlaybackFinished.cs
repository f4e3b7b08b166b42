using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record PlaybackFinished : AriEvent
{
    [JsonPropertyName("playback")] public AriPlayback Playback { get; init; } = new();
}
