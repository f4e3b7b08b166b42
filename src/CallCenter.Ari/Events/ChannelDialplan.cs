using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

public sealed record ChannelDialplan : AriEvent
{
    [JsonPropertyName("channel")] public AriChannel Channel { get; init; } = new();
    [JsonPropertyName("dialplan_app")] public string DialplanApp { get; init; } = "";
    [JsonPropertyName("dialplan_app_data")] public string DialplanAppData { get; init; } = "";
}
