using CallCenter.Contracts;
using StackExchange.Redis;

namespace CallCenter.Ingestion.Tests;

/// <summary>Reads back what the ingestion service wrote.</summary>
public static class StreamReader
{
    public static async Task<IReadOnlyList<AriStreamEntry>> ReadAllAsync(IDatabase database, string stream)
    {
        var raw = await database.StreamRangeAsync(stream, "-", "+");
        var entries = new List<AriStreamEntry>(raw.Length);
        foreach (var item in raw)
        {
            var fields = item.Values.Select(v => new KeyValuePair<string, string>(v.Name!, v.Value!));
            Xunit.Assert.True(AriStreamEntry.TryParse(fields, out var entry, out var error), error);
            entries.Add(entry!);
        }

        return entries;
    }

    /// <summary>Polls until <paramref name="done"/> holds for the stream's entries, or fails with what was there.</summary>
    public static async Task<IReadOnlyList<AriStreamEntry>> WaitForAsync(
        IDatabase database, string stream, Func<IReadOnlyList<AriStreamEntry>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<AriStreamEntry> entries = [];
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                entries = await ReadAllAsync(database, stream);
                if (done(entries))
                {
                    return entries;
                }
            }
            catch (RedisConnectionException)
            {
                // Redis is being restarted by the test.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException(
            $"Stream {stream} did not reach the expected state in {timeout.TotalSeconds:0} s; it holds {entries.Count} entries: "
            + string.Join(", ", entries.Select(e => e.Type).Take(80)));
    }

    public static long Ordinal(AriStreamEntry entry) => long.Parse(entry.EventId[(entry.EventId.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
