using StackExchange.Redis;

namespace CallCenter.Testing.Pbx;

/// <summary>
/// How far the persistence worker is behind the ARI event stream: the age of the oldest entry it has not yet committed
/// (still pending in its consumer group, or not yet delivered), zero when it has committed everything. Entry ids carry
/// Redis's clock at XADD, the same machine's clock as here.
/// </summary>
public sealed class StreamLag(IDatabase redis, string stream = StreamLag.DefaultStream, string group = StreamLag.DefaultGroup)
{
    public const string DefaultStream = "callcenter:ari-events";
    public const string DefaultGroup = "callcenter-persistence";

    public async Task<TimeSpan> MeasureAsync()
    {
        if (await OldestUncommittedAsync().ConfigureAwait(false) is not { } oldest)
        {
            return TimeSpan.Zero;
        }

        var age = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - long.Parse(oldest.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(Math.Max(0, age));
    }

    /// <summary>True when every entry in the stream is committed and acknowledged.</summary>
    public async Task<bool> IsDrainedAsync() => await OldestUncommittedAsync().ConfigureAwait(false) is null;

    private async Task<string?> OldestUncommittedAsync()
    {
        if (!await redis.KeyExistsAsync(stream).ConfigureAwait(false))
        {
            return null;
        }

        var groups = await redis.StreamGroupInfoAsync(stream).ConfigureAwait(false);
        if (groups.FirstOrDefault(g => g.Name == group) is not { Name: not null } info)
        {
            // The worker has not created its group yet: everything is behind.
            return (await redis.StreamRangeAsync(stream, "-", "+", 1).ConfigureAwait(false)).Select(e => (string?)e.Id).FirstOrDefault();
        }

        if (info.PendingMessageCount > 0)
        {
            return (string?)(await redis.StreamPendingAsync(stream, group).ConfigureAwait(false)).LowestPendingMessageId;
        }

        var next = await redis.StreamRangeAsync(stream, "(" + info.LastDeliveredId, "+", 1).ConfigureAwait(false);
        return next.Length > 0 ? (string?)next[0].Id : null;
    }
}
