using System.Text.Json.Serialization;

namespace CallCenter.Ari.Internal;

/// <summary>ARI error responses look like {"message":"Channel not found"}.</summary>
internal sealed record AriErrorBody
{
    [JsonPropertyName("message")] public string? Message { get; init; }
}
