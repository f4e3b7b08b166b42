using System.Globalization;
using CallCenter.Ingestion.Streaming;
using StackExchange.Redis;

namespace CallCenter.Ingestion.AriEvents;

/// <summary>Fields of a dead-letter entry: the frame as received, why it was refused, and when.</summary>
public static class DeadLetterFields
{
    public const string Reason = "reason";
    public const string Raw = "raw";
    public const string ReceivedAt = "r";
    public const string Source = "source";

    public static RedisValue[] For(string eventId, string raw, string reason, DateTimeOffset receivedAt) => BufferedWrite.Flatten(
    [
        new(CallCenter.Contracts.AriStreamFields.EventId, eventId),
        new(Source, "ingestion"),
        new(Reason, reason),
        new(ReceivedAt, receivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        new(Raw, raw),
    ]);
}
