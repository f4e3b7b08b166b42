using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

public sealed record AriLiveRecording
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("format")] public string Format { get; init; } = "";
    [JsonPropertyName("target_uri")] public string TargetUri { get; init; } = "";
    /// <summary>queued, recording, paused, done, failed, canceled.</summary>
    [JsonPropertyName("state")] public string State { get; init; } = "";
    [JsonPropertyName("duration")] public int? DurationSeconds { get; init; }
    [JsonPropertyName("talking_duration")] public int? TalkingDurationSeconds { get; init; }
    [JsonPropertyName("silence_duration")] public int? SilenceDurationSeconds { get; init; }
    [JsonPropertyName("cause")] public string? Cause { get; init; }
}
