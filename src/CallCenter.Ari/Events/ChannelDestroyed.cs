using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record ChannelDestroyed : AriEvent
{
    [JsonPropertyName("channel")] public AriChannel Channel { get; init; } = new();
    /// <summary>Q.850 cause code, e.g. 16 normal clearing, 17 busy, 19 no answer.</summary>
    [JsonPropertyName("cause")] public int Cause { get; init; }
    [JsonPropertyName("cause_txt")] public string CauseText { get; init; } = "";
}
