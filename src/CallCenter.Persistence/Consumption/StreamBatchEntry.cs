using CallCenter.Ari.Events;
using CallCenter.Contracts;
using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

/// <summary>A stream entry that parsed: an ARI event or a channel snapshot.</summary>
internal sealed record StreamBatchEntry(string StreamId, AriStreamEntry Entry, AriEvent? Event, ChannelSnapshot? Snapshot)
{
    /// <summary>When it happened: Asterisk's timestamp, else when the ingestion service received it.</summary>
    public DateTimeOffset OccurredAt => Event?.Timestamp ?? Entry.ReceivedAt;

    public string AsteriskId => Entry.AsteriskId ?? Event?.AsteriskId ?? "";
}

/// <summary>An entry that cannot be parsed or applied, with why; it goes to the dead-letter stream.</summary>
internal sealed record PoisonEntry(string StreamId, NameValueEntry[] Fields, string Reason);
