using CallCenter.Persistence.Calls;

namespace CallCenter.Persistence.Consumption;

/// <summary>
/// Splits a batch into parts that share no call, so they can commit side by side: every entry of a call lands in the
/// same part, in stream order. The locks and the event-id check that let replicas share the stream keep these parts
/// correct too; splitting only keeps them from waiting on each other.
/// </summary>
internal static class CallPartitions
{
    public static List<IReadOnlyList<StreamBatchEntry>> Split(IReadOnlyList<StreamBatchEntry> entries, int count)
    {
        if (count <= 1 || entries.Any(NeedsTheWholeBatch))
        {
            return [entries];
        }

        var parts = new List<StreamBatchEntry>[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = new List<StreamBatchEntry>(entries.Count / count + 16);
        }

        foreach (var entry in entries)
        {
            // Entries without a call key (and not a recording's) are ignored by the writer; any part will do.
            var key = entry.Entry.CallKey is { Length: > 0 } callKey ? ColumnText.Truncate(callKey, 64) : "";
            parts[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)count)].Add(entry);
        }

        return [.. parts.Where(p => p.Count > 0)];
    }

    /// <summary>
    /// A snapshot speaks for every open call, a recording event's call is looked up in the database, and an attended
    /// transfer also changes the consultation call: a batch with any of them is committed whole.
    /// </summary>
    private static bool NeedsTheWholeBatch(StreamBatchEntry entry) =>
        entry.Snapshot is not null
        || EntryCallKeys.NeedsLookup(entry)
        || (entry.Event is { } ariEvent && entry.Entry.CallKey is { Length: > 0 } callKey && CallStateMachine.ConsultationCallKey(ariEvent, callKey) is not null);
}
