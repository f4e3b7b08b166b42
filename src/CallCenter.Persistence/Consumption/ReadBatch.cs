using System.Diagnostics;
using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

/// <summary>Entries read from the stream, parsed (on the reading thread, so parsing overlaps a commit).</summary>
internal sealed record ReadBatch(StreamEntry[] Entries, List<StreamBatchEntry> Parsed, List<PoisonEntry> Poison, bool IsNew)
{
    /// <summary>How long the read and the parse took, for the batch's <see cref="BatchTimings"/>.</summary>
    public TimeSpan ReadTime { get; init; }

    public TimeSpan ParseTime { get; init; }

    /// <summary>Parses what a read returned; <paramref name="readStarted"/> is when the read began.</summary>
    public static ReadBatch Parse(StreamEntry[] entries, bool isNew, long readStarted)
    {
        var parseStarted = Stopwatch.GetTimestamp();
        // Entries trimmed from the stream while pending come back without values: nothing to apply, only to acknowledge.
        var (parsed, poison) = StreamEntryParser.Parse(entries.Where(e => !e.IsNull));
        return new ReadBatch(entries, parsed, poison, isNew)
        {
            ReadTime = Stopwatch.GetElapsedTime(readStarted, parseStarted),
            ParseTime = Stopwatch.GetElapsedTime(parseStarted),
        };
    }
}
