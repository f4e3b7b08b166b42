using CallCenter.Ari.Events;
using CallCenter.Contracts;
using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

/// <summary>
/// A stream entry that parsed: an ARI event or a channel snapshot, with the entry's own fields as Redis returned them
/// (a poison entry is dead-lettered with these, unchanged).
/// </summary>
internal sealed record StreamBatchEntry(string StreamId, NameValueEntry[] Fields, StreamEntryHeader Entry, AriEvent? Event, ChannelSnapshot? Snapshot)
{
    /// <summary>When it happened: Asterisk's timestamp, else when the ingestion service received it.</summary>
    public DateTimeOffset OccurredAt => Event?.Timestamp ?? Entry.ReceivedAt;

    public string AsteriskId => Entry.AsteriskId ?? Event?.AsteriskId ?? "";
}

/// <summary>
/// The fields of an <see cref="AriStreamEntry"/> other than its data: the event itself is kept parsed, not as text (decoding
/// every event's JSON to a string only to keep it cost time and a third of the worker's allocations).
/// </summary>
internal sealed record StreamEntryHeader(string Type, string? CallKey, string? ChannelId, string? AsteriskId, DateTimeOffset ReceivedAt, string EventId);

/// <summary>An entry that cannot be parsed or applied, with why; it goes to the dead-letter stream.</summary>
internal sealed record PoisonEntry(string StreamId, NameValueEntry[] Fields, string Reason);
