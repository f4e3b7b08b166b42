using StackExchange.Redis;

namespace CallCenter.Ingestion.Streaming;

/// <summary>
/// One entry waiting to be appended to a Redis stream (the event stream or the dead-letter stream).
/// <paramref name="Fields"/> alternates names and values, ready to go on the wire (an event's JSON stays UTF-8 bytes).
/// <paramref name="EventId"/> is also one of the fields: it lets a retried write recognise that it already landed.
/// </summary>
public sealed record BufferedWrite(string Stream, string EventId, RedisValue[] Fields, bool Trim)
{
    public static RedisValue[] Flatten(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var flat = new RedisValue[fields.Count * 2];
        for (var i = 0; i < fields.Count; i++)
        {
            flat[2 * i] = fields[i].Key;
            flat[(2 * i) + 1] = fields[i].Value;
        }

        return flat;
    }
}
