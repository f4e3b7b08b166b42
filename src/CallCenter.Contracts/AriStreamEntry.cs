using System.Globalization;

namespace CallCenter.Contracts;

/// <summary>One entry of the ARI event stream (Redis stream "callcenter:ari-events" by default).</summary>
public sealed record AriStreamEntry(
    AriStreamEntryKind Kind,
    string Type,
    string? CallKey,
    string? ChannelId,
    string? AsteriskId,
    DateTimeOffset ReceivedAt,
    string EventId,
    string Data)
{
    public const string DefaultStreamName = "callcenter:ari-events";
    public const string DefaultDeadLetterStreamName = "callcenter:ari-events:dead";
    /// <summary>The <see cref="AriStreamFields.Kind"/> value of an event entry.</summary>
    public const string EventKindValue = "event";
    private const string SnapshotKind = "snapshot";

    /// <summary>The entry as stream field/value pairs, in a fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToFields() =>
    [
        new(AriStreamFields.Kind, Kind == AriStreamEntryKind.Snapshot ? SnapshotKind : EventKindValue),
        new(AriStreamFields.Type, Type),
        new(AriStreamFields.CallKey, CallKey ?? string.Empty),
        new(AriStreamFields.ChannelId, ChannelId ?? string.Empty),
        new(AriStreamFields.AsteriskId, AsteriskId ?? string.Empty),
        new(AriStreamFields.ReceivedAt, ReceivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        new(AriStreamFields.EventId, EventId),
        new(AriStreamFields.Data, Data),
    ];

    /// <summary>Reads an entry back; a missing or malformed field is reported, not guessed.</summary>
    public static bool TryParse(
        IEnumerable<KeyValuePair<string, string>> fields,
        out AriStreamEntry? entry,
        out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        entry = null;
        error = null;
        string Get(string name) => values.TryGetValue(name, out var value) ? value : string.Empty;

        AriStreamEntryKind kind;
        switch (Get(AriStreamFields.Kind))
        {
            case EventKindValue:
                kind = AriStreamEntryKind.Event;
                break;
            case SnapshotKind:
                kind = AriStreamEntryKind.Snapshot;
                break;
            case var other:
                error = $"unknown entry kind '{other}'";
                return false;
        }

        if (!long.TryParse(Get(AriStreamFields.ReceivedAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var receivedAt))
        {
            error = "missing or malformed received-at timestamp";
            return false;
        }

        var data = Get(AriStreamFields.Data);
        if (data.Length == 0)
        {
            error = "missing data";
            return false;
        }

        entry = new AriStreamEntry(
            kind,
            Get(AriStreamFields.Type),
            NullIfEmpty(Get(AriStreamFields.CallKey)),
            NullIfEmpty(Get(AriStreamFields.ChannelId)),
            NullIfEmpty(Get(AriStreamFields.AsteriskId)),
            DateTimeOffset.FromUnixTimeMilliseconds(receivedAt),
            Get(AriStreamFields.EventId),
            data);
        return true;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
