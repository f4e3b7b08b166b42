using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record ChannelHangupRequest : AriEvent
{
    [JsonPropertyName("channel")] public AriChannel Channel { get; init; } = new();
    [JsonPropertyName("cause")] public int? Cause { get; init; }
    /// <summary>True when only a soft hangup was requested (e.g. the channel leaves a bridge or app).</summary>
    [JsonPropertyName("soft")] public bool? Soft { get; init; }
}
