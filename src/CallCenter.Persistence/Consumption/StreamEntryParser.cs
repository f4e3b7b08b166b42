using System.Text.Json;
using CallCenter.Ari.Events;
using CallCenter.Contracts;
using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

internal static class StreamEntryParser
{
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

    private static StreamBatchEntry? TryParse(string streamId, NameValueEntry[] values, out string? reason)
    {
        var fields = values.Select(v => new KeyValuePair<string, string>(v.Name.ToString(), v.Value.ToString()));
        if (!AriStreamEntry.TryParse(fields, out var entry, out var error))
        {
            reason = $"unreadable stream entry: {error}";
            return null;
        }

        if (entry!.EventId.Length == 0)
        {
            reason = "stream entry has no event id";
            return null;
        }

        if (entry.Kind == AriStreamEntryKind.Snapshot)
        {
            try
            {
                var snapshot = JsonSerializer.Deserialize(entry.Data, ContractsJsonContext.Default.ChannelSnapshot);
                reason = snapshot is null ? "snapshot data is null" : null;
                return snapshot is null ? null : new StreamBatchEntry(streamId, entry, null, snapshot);
            }
            catch (JsonException ex)
            {
                reason = $"malformed snapshot: {ex.Message}";
                return null;
            }
        }

        switch (AriEventParser.Parse(entry.Data))
        {
            case AriEvent ariEvent:
                reason = null;
                return new StreamBatchEntry(streamId, entry, ariEvent, null);
            case AriMalformedFrame malformed:
                reason = $"malformed ARI event: {malformed.Error}";
                return null;
            default:
                reason = "not an ARI event";
                return null;
        }
    }
}
