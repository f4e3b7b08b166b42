using System.Text.Json;
using CallCenter.Contracts;
using CallCenter.Testing;
using StackExchange.Redis;

/// <summary>Fills the stream with generated calls, keyed as the ingestion service keys them.</summary>
internal static class StreamFeeder
{
    /// <summary>Writes every event of <paramref name="calls"/> calls, call after call; returns the number of entries.</summary>
    public static async Task<long> FeedAsync(IDatabase redis, string stream, int calls)
    {
        long count = 0;
        var pending = new List<Task>(2_000);
        for (var call = 1; call <= calls; call++)
        {
            var ordinal = 0;
            foreach (var json in RealisticCallEvents.ForCall(call))
            {
                // Linkedid from the channel variable, event id per connection, as the ingestion service writes them.
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                var channel = root.GetProperty("channel");
                var entry = new AriStreamEntry(
                    AriStreamEntryKind.Event,
                    root.GetProperty("type").GetString()!,
                    channel.GetProperty("channelvars").GetProperty("CHANNEL(linkedid)").GetString(),
                    channel.GetProperty("id").GetString(),
                    root.GetProperty("asterisk_id").GetString(),
                    DateTimeOffset.UtcNow,
                    $"bench:{call}:{++ordinal}",
                    json);
                pending.Add(redis.StreamAddAsync(stream, [.. entry.ToFields().Select(f => new NameValueEntry(f.Key, f.Value))]));
                count++;
                if (pending.Count == 2_000)
                {
                    await Task.WhenAll(pending);
                    pending.Clear();
                }
            }
        }

        await Task.WhenAll(pending);
        return count;
    }
}
