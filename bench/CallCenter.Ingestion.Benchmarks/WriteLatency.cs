using System.Globalization;
using CallCenter.Contracts;
using StackExchange.Redis;

namespace CallCenter.Ingestion.Benchmarks;

/// <summary>
/// Per entry: the Redis entry id's time (Redis's clock when XADD ran) minus the received-at field (the
/// service's clock when the frame came off the socket). Same machine, same clock: buffer + write time.
/// </summary>
internal sealed record WriteLatency(double P50, double P99, double Max)
{
    public static async Task<WriteLatency> ReadAsync(IDatabase database, string stream, RedisValue after)
    {
        var samples = new List<double>();
        var from = after;
        while (true)
        {
            var page = await database.StreamRangeAsync(stream, "(" + from, "+", 10_000);
            if (page.Length == 0)
            {
                break;
            }

            foreach (var entry in page)
            {
                var written = IdMilliseconds(entry.Id);
                var received = long.Parse((string)entry[AriStreamFields.ReceivedAt]!, CultureInfo.InvariantCulture);
                samples.Add(written - received);
            }

            from = page[^1].Id;
        }

        samples.Sort();
        return new WriteLatency(Percentile(samples, 0.50), Percentile(samples, 0.99), samples.Count == 0 ? 0 : samples[^1]);
    }

    /// <summary>The time part of a stream entry id ("1700000000000-3").</summary>
    public static long IdMilliseconds(RedisValue id) => long.Parse(((string)id!).Split('-')[0], CultureInfo.InvariantCulture);

    private static double Percentile(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}
