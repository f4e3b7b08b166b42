using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

/// <summary>Entries read from the stream, parsed (on the reading thread, so parsing overlaps a commit).</summary>
internal sealed record ReadBatch(StreamEntry[] Entries, List<StreamBatchEntry> Parsed, List<PoisonEntry> Poison, bool IsNew)
{
    public static ReadBatch Parse(StreamEntry[] entries, bool isNew)
    {
        // Entries trimmed from the stream while pending come back without values: nothing to apply, only to acknowledge.
        var (parsed, poison) = StreamEntryParser.Parse(entries.Where(e => !e.IsNull));
        return new ReadBatch(entries, parsed, poison, isNew);
    }
}
