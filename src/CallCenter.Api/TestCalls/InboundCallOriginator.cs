using CallCenter.Ari;
using CallCenter.Ari.Models;
using CallCenter.Ari.Rest;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.TestCalls;

/// <summary>
/// Places a call into the PBX's inbound route, as if it had come in over the trunk: ARI originates a Local channel
/// whose dialplan half enters <see cref="TestCallOptions.InboundContext"/> at the dialled number with the given caller
/// id, so the call is recorded, reaches the ARI application and rings the agents exactly like a customer's call. The
/// other half stands in for the caller's phone: it waits for the answer, then runs
/// <see cref="TestCallOptions.CallerContext"/>.
/// </summary>
public sealed class InboundCallOriginator(AriClient ari, IOptions<TestCallOptions> options)
{
    /// <param name="callerNumber">The caller id the call arrives with.</param>
    /// <param name="dialedNumber">The number dialled on the PBX (the main line, an agent's direct number, a test number).</param>
    /// <param name="channelId">The caller half's channel id; it is also the call's key (linkedid) in the call log.</param>
    public async Task<AriChannel> OriginateAsync(string callerNumber, string dialedNumber, string channelId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return await ari.Channels.OriginateAsync(
            new AriOriginateRequest($"Local/{dialedNumber}@{settings.InboundContext}")
            {
                Context = settings.CallerContext,
                Extension = settings.CallerExtension,
                Priority = 1,
                // Originate sets both caller id and connected line; the dialplan half takes its caller id from the latter.
                // The name too: a caller half without one would take the ringing agent's name (the call log keeps the
                // first name a channel shows, and Local channels copy the far end's connected line across).
                CallerId = $"\"{callerNumber}\" <{callerNumber}>",
                Timeout = settings.RingTimeout,
                ChannelId = channelId,
                OtherChannelId = channelId + "-in",
            },
            cancellationToken);
    }
}
