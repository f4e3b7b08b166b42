using System.Globalization;
using System.Text.Json;
using CallCenter.Ari.Events;
using CallCenter.Contracts;

namespace CallCenter.Ingestion.Ari;

/// <summary>Turns what the ARI socket yields into stream entries.</summary>
public sealed class StreamEntryFactory(string connectionId)
{
    private long _ordinal;

    /// <summary>Unique per ingestion process start; with the ordinal it makes each entry's idempotency key.</summary>
    public string ConnectionId { get; } = connectionId;

    public AriStreamEntry ForEvent(AriEvent ariEvent, DateTimeOffset receivedAt)
    {
        var channel = CallKeys.PrimaryChannel(ariEvent);
        return new AriStreamEntry(
            AriStreamEntryKind.Event,
            ariEvent.Type,
            CallKeys.CallKey(channel),
            channel is { Id.Length: > 0 } ? channel.Id : null,
            ariEvent.AsteriskId,
            receivedAt,
            NextEventId(),
            ariEvent.RawJson);
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
}
