using System.Globalization;
using System.Text.Json;
using CallCenter.Ari.Events;
using CallCenter.Contracts;
using StackExchange.Redis;

namespace CallCenter.Ingestion.AriEvents;

/// <summary>Turns what the ARI socket yields into stream entries.</summary>
public sealed class StreamEntryFactory(string connectionId)
{
    private long _ordinal;

    /// <summary>Unique per ingestion process start; with the ordinal it makes each entry's idempotency key.</summary>
    public string ConnectionId { get; } = connectionId;

    /// <summary>
    /// An event's stream fields, in <see cref="AriStreamEntry.ToFields"/>'s order and format, built straight from the
    /// received bytes (no text round trip on the hot path). Returns the entry's event id.
    /// </summary>
    public RedisValue[] ForEvent(AriEvent ariEvent, DateTimeOffset receivedAt, out string eventId)
    {
        var channel = CallKeys.PrimaryChannel(ariEvent);
        eventId = NextEventId();
        return
        [
            Names.Kind, Names.EventKind,
            Names.Type, ariEvent.Type,
            Names.CallKey, CallKeys.CallKey(channel) ?? string.Empty,
            Names.ChannelId, channel is { Id.Length: > 0 } ? channel.Id : string.Empty,
            Names.AsteriskId, ariEvent.AsteriskId ?? string.Empty,
            Names.ReceivedAt, receivedAt.ToUnixTimeMilliseconds(),
            Names.EventId, eventId,
            Names.Data, ariEvent.RawUtf8,
        ];
    }

    public AriStreamEntry ForSnapshot(ChannelSnapshot snapshot, string? asteriskId) => new(
        AriStreamEntryKind.Snapshot,
        "Snapshot",
        null,
        null,
        asteriskId,
        snapshot.TakenAt,
        NextEventId(),
        JsonSerializer.Serialize(snapshot, ContractsJsonContext.Default.ChannelSnapshot));

    public string NextEventId() =>
        string.Create(CultureInfo.InvariantCulture, $"{ConnectionId}:{Interlocked.Increment(ref _ordinal)}");

    /// <summary>Field names as ready-made UTF-8 values: written with every entry.</summary>
    private static class Names
    {
        public static readonly RedisValue Kind = Utf8(AriStreamFields.Kind);
        public static readonly RedisValue EventKind = Utf8(AriStreamEntry.EventKindValue);
        public static readonly RedisValue Type = Utf8(AriStreamFields.Type);
        public static readonly RedisValue CallKey = Utf8(AriStreamFields.CallKey);
        public static readonly RedisValue ChannelId = Utf8(AriStreamFields.ChannelId);
        public static readonly RedisValue AsteriskId = Utf8(AriStreamFields.AsteriskId);
        public static readonly RedisValue ReceivedAt = Utf8(AriStreamFields.ReceivedAt);
        public static readonly RedisValue EventId = Utf8(AriStreamFields.EventId);
        public static readonly RedisValue Data = Utf8(AriStreamFields.Data);

        private static RedisValue Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
    }
}
