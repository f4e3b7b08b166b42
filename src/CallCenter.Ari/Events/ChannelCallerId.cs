using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record ChannelCallerId : AriEvent
{
    [JsonPropertyName("channel")] public AriChannel Channel { get; init; } = new();
    [JsonPropertyName("caller_presentation")] public int CallerPresentation { get; init; }
    [JsonPropertyName("caller_presentation_txt")] public string CallerPresentationText { get; init; } = "";
}
