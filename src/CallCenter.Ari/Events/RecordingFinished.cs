using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record RecordingFinished : AriEvent
{
    [JsonPropertyName("recording")] public AriLiveRecording Recording { get; init; } = new();
}
