using System.Text;
using System.Text.Json.Serialization;

namespace CallCenter.Ari.Events;

/// <summary>Fields every ARI event carries, plus the frame exactly as Asterisk sent it.</summary>
public abstract record AriEvent : AriStreamItem
{
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("application")] public string Application { get; init; } = "";
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; init; }
    [JsonPropertyName("asterisk_id")] public string? AsteriskId { get; init; }

    private string? _rawJson;

    /// <summary>The received frame, byte for byte, so it can be stored or forwarded unchanged without re-encoding.</summary>
    [JsonIgnore] public ReadOnlyMemory<byte> RawUtf8 { get; init; }

    /// <summary>The received frame decoded as UTF-8 (decoded on first use: the ingestion hot path only needs the bytes).</summary>
    [JsonIgnore]
    public string RawJson
    {
        get => _rawJson ??= Encoding.UTF8.GetString(RawUtf8.Span);
        init => _rawJson = value;
    }
}
