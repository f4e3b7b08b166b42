using System.Diagnostics;
using System.Text.Json;
using StackExchange.Redis;

namespace CallCenter.Testing.Pbx;

/// <summary>Waits until a load run has fully played out: no channel left in Asterisk and, when CallCenter captured the calls, the stream committed and the recording spool emptied by uploads.</summary>
public static class StackSettling
{
    /// <summary>Returns what was still outstanding at the deadline, or null once everything settled.</summary>
    public static async Task<string?> WaitAsync(CallCenterStack stack, bool captured, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var ari = stack.CreateAriClient();
        using var redis = captured ? await ConnectionMultiplexer.ConnectAsync(stack.Redis.ConnectionString).ConfigureAwait(false) : null;
        var lag = redis is null ? null : new StreamLag(redis.GetDatabase());
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var channels = await ActiveChannelsAsync(ari, cancellationToken).ConfigureAwait(false);
            var drained = lag is null || await lag.IsDrainedAsync().ConfigureAwait(false);
            var spool = captured ? stack.Asterisk.ListRecordings().Count : 0;
            if (channels == 0 && drained && spool == 0)
            {
                return null;
            }

            if (waited.Elapsed > timeout)
            {
                return $"{channels} channels, stream {(drained ? "drained" : "not drained")}, {spool} recordings in the spool";
            }

            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The channels Asterisk has now (ARI GET /channels).</summary>
    public static async Task<int> ActiveChannelsAsync(HttpClient ari, CancellationToken cancellationToken = default)
    {
        await using var body = await ari.GetStreamAsync("channels", cancellationToken).ConfigureAwait(false);
        using var channels = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        return channels.RootElement.GetArrayLength();
    }
}
