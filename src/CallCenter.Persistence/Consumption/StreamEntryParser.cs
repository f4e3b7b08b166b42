using System.Globalization;
using System.Text.Json;
using CallCenter.Ari.Events;
using CallCenter.Contracts;
using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

internal static class StreamEntryParser
{
    private const string EventKind = "event";
    private const string SnapshotKind = "snapshot";

    /// <summary>Parses every entry; those that cannot be read become poison instead of failing the batch.</summary>
    public static (List<StreamBatchEntry> Entries, List<PoisonEntry> Poison) Parse(IEnumerable<StreamEntry> streamEntries)
    {
        var entries = new List<StreamBatchEntry>();
        var poison = new List<PoisonEntry>();
        foreach (var streamEntry in streamEntries)
        {
            var streamId = streamEntry.Id.ToString();
            var values = streamEntry.Values ?? [];
            var result = TryParse(streamId, values, out var reason);
            if (result is null)
            {
                poison.Add(new PoisonEntry(streamId, values, reason!));
            }
            else
            {
                entries.Add(result);
            }
        }

        return (entries, poison);
    }

    /// <summary>
    /// Reads the fields as <see cref="AriStreamEntry.TryParse"/> does (same checks, same messages), but
    /// hands the JSON to the parser as the UTF-8 bytes Redis returned: the event is decoded once, into
    /// its typed form, and never transcoded to text.
    /// </summary>
    private static StreamBatchEntry? TryParse(string streamId, NameValueEntry[] values, out string? reason)
    {
        string kindText = "", type = "", callKey = "", channelId = "", asteriskId = "", receivedText = "", eventId = "";
        RedisValue data = RedisValue.Null;
        foreach (var field in values)
        {
            switch (field.Name.ToString())
            {
                case AriStreamFields.Kind: kindText = field.Value.ToString(); break;
                case AriStreamFields.Type: type = field.Value.ToString(); break;
                case AriStreamFields.CallKey: callKey = field.Value.ToString(); break;
                case AriStreamFields.ChannelId: channelId = field.Value.ToString(); break;
                case AriStreamFields.AsteriskId: asteriskId = field.Value.ToString(); break;
                case AriStreamFields.ReceivedAt: receivedText = field.Value.ToString(); break;
                case AriStreamFields.EventId: eventId = field.Value.ToString(); break;
                case AriStreamFields.Data: data = field.Value; break;
            }
        }

        AriStreamEntryKind kind;
        switch (kindText)
        {
            case EventKind:
                kind = AriStreamEntryKind.Event;
                break;
            case SnapshotKind:
                kind = AriStreamEntryKind.Snapshot;
                break;
            default:
                reason = $"unreadable stream entry: unknown entry kind '{kindText}'";
                return null;
        }

        if (!long.TryParse(receivedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var receivedAtMs))
        {
            reason = "unreadable stream entry: missing or malformed received-at timestamp";
            return null;
        }

        if (data.IsNullOrEmpty)
        {
            reason = "unreadable stream entry: missing data";
            return null;
        }

        if (eventId.Length == 0)
        {
            reason = "stream entry has no event id";
            return null;
        }

        var header = new StreamEntryHeader(type, NullIfEmpty(callKey), NullIfEmpty(channelId), NullIfEmpty(asteriskId), DateTimeOffset.FromUnixTimeMilliseconds(receivedAtMs), eventId);
        if (kind == AriStreamEntryKind.Snapshot)
        {
            try
            {
                var snapshot = JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)data).Span, ContractsJsonContext.Default.ChannelSnapshot);
                reason = snapshot is null ? "snapshot data is null" : null;
                return snapshot is null ? null : new StreamBatchEntry(streamId, values, header, null, snapshot);
            }
            catch (JsonException ex)
            {
                reason = $"malformed snapshot: {ex.Message}";
                return null;
            }
        }

        switch (AriEventParser.Parse(((ReadOnlyMemory<byte>)data).Span))
        {
            case AriEvent ariEvent:
                reason = null;
                return new StreamBatchEntry(streamId, values, header, ariEvent, null);
            case AriMalformedFrame malformed:
                reason = $"malformed ARI event: {malformed.Error}";
                return null;
            default:
                reason = "not an ARI event";
                return null;
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
