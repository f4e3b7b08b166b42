using System.Text.Json.Serialization;

namespace CallCenter.Ari.Models;

/// <summary>ARI Channel snapshot. Optional fields are null when the running Asterisk does not send them.</summary>
public sealed record AriChannel
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    /// <summary>Down, Rsrvd, OffHook, Dialing, Ring, Ringing, Up, Busy, Dialing Offhook, Pre-ring, Unknown.</summary>
    [JsonPropertyName("state")] public string State { get; init; } = "";
    [JsonPropertyName("caller")] public AriCallerId Caller { get; init; } = new();
    [JsonPropertyName("connected")] public AriCallerId Connected { get; init; } = new();
    [JsonPropertyName("accountcode")] public string AccountCode { get; init; } = "";
    [JsonPropertyName("dialplan")] public AriDialplanLocation Dialplan { get; init; } = new();
    [JsonPropertyName("creationtime")] public DateTimeOffset? CreationTime { get; init; }
    [JsonPropertyName("language")] public string Language { get; init; } = "";
    [JsonPropertyName("channelvars")] public IReadOnlyDictionary<string, string>? ChannelVars { get; init; }
    /// <summary>SIP Call-ID for chan_pjsip; empty or absent for other drivers.</summary>
    [JsonPropertyName("protocol_id")] public string? ProtocolId { get; init; }
    [JsonPropertyName("caller_rdnis")] public string? CallerRdnis { get; init; }
    [JsonPropertyName("tenantid")] public string? TenantId { get; init; }
    /// <summary>
    /// Not part of the documented ARI 22 Channel model; mapped so a build that adds it is used as-is.
    /// On Asterisk 22 expose it through ari.conf "channelvars = CHANNEL(linkedid)" and read <see cref="LinkedIdOrChannelVar"/>.
    /// </summary>
    [JsonPropertyName("linkedid")] public string? LinkedId { get; init; }

    /// <summary>The linkedid from the field when present, else from the CHANNEL(linkedid) channel variable.</summary>
    [JsonIgnore]
    public string? LinkedIdOrChannelVar =>
        !string.IsNullOrEmpty(LinkedId) ? LinkedId
        : ChannelVars is not null && ChannelVars.TryGetValue("CHANNEL(linkedid)", out var value) && value.Length > 0 ? value
        : null;
}
