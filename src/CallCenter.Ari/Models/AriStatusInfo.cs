using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

public sealed record AriStatusInfo
{
    [JsonPropertyName("startup_time")] public DateTimeOffset? StartupTime { get; init; }
    [JsonPropertyName("last_reload_time")] public DateTimeOffset? LastReloadTime { get; init; }
}
