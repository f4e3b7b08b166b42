using System.Text.Json.Serialization;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Events;

/// <summary>Dialing state change: an empty <see cref="DialStatus"/> means dialing began; ANSWER, BUSY, NOANSWER, CANCEL, CHANUNAVAIL... end it.</summary>
public sealed record Dial : AriEvent
{
    /// <summary>The calling channel; absent for originated calls.</summary>
    [JsonPropertyName("caller")] public AriChannel? Caller { get; init; }
    [JsonPropertyName("peer")] public AriChannel Peer { get; init; } = new();
    [JsonPropertyName("forward")] public string? Forward { get; init; }
    [JsonPropertyName("forwarded")] public AriChannel? Forwarded { get; init; }
    [JsonPropertyName("dialstring")] public string? DialString { get; init; }
    [JsonPropertyName("dialstatus")] public string DialStatus { get; init; } = "";
}
