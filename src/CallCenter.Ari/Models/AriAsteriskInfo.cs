using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

/// <summary>GET /asterisk/info. Only the parts useful for health and diagnostics are typed.</summary>
public sealed record AriAsteriskInfo
{
    [JsonPropertyName("system")] public AriSystemInfo? System { get; init; }
    [JsonPropertyName("build")] public AriBuildInfo? Build { get; init; }
    [JsonPropertyName("status")] public AriStatusInfo? Status { get; init; }
}
