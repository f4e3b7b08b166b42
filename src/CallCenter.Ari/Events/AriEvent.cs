using System.Text.Json.Serialization;

namespace CallCenter.Ari.Events;

/// <summary>Fields every ARI event carries, plus the frame exactly as Asterisk sent it.</summary>
public abstract record AriEvent : AriStreamItem
{
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("application")] public string Application { get; init; } = "";
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; init; }
    [JsonPropertyName("asterisk_id")] public string? AsteriskId { get; init; }

    /// <summary>The received frame, byte-for-byte decoded as UTF-8, so it can be stored or forwarded unchanged.</summary>
    [JsonIgnore] public string RawJson { get; init; } = "";
}
