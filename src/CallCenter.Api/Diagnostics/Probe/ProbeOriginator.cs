using CallCenter.Ari;
using CallCenter.Ari.Models;
using CallCenter.Ari.Rest;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Diagnostics;

/// <summary>
/// Places the probe's call: a Local channel into the inbound route, as if the trunk delivered it. Its second half
/// (<see cref="InboundChannelId"/>) runs the inbound context like a provider's call; the first waits in
/// <see cref="CallPathProbeOptions.CallerContext"/> once answered. Both ids start with the probe's id, so every
/// service recognises the call as a test (see CallCenter.Contracts.Diagnostics.ProbeCalls).
/// </summary>
public sealed class ProbeOriginator(AriClient ari, IOptions<DiagnosticsOptions> options)
{
    /// <summary>How long the route may take to answer before Asterisk gives the call up.</summary>
    private static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(60);

    public static string InboundChannelId(string probeId) => probeId + "-in";

    public Task<AriChannel> OriginateAsync(string probeId, ProbeTarget target, CancellationToken cancellationToken)
    {
        var settings = options.Value.Probe;
        return ari.Channels.OriginateAsync(
            new AriOriginateRequest($"Local/{target.Number}@{target.Context}")
            {
                Context = settings.CallerContext,
                Extension = "s",
                Priority = 1,
                CallerId = $"\"CallCenter probe\" <{settings.CallerNumber}>",
                Timeout = RingTimeout,
                ChannelId = probeId,
                OtherChannelId = InboundChannelId(probeId),
            },
            cancellationToken);
    }

    /// <summary>Ends the probe's call (both halves of the Local channel); a call already gone is fine.</summary>
    public async Task HangUpAsync(string probeId, CancellationToken cancellationToken)
    {
        try
        {
            await ari.Channels.HangupAsync(probeId, AriHangupReason.Normal, cancellationToken);
        }
        catch (AriNotFoundException)
        {
        }
    }

    /// <summary>STASISSTATUS of the inbound half: empty when Stasis() never ran, FAILED when no application took the call.</summary>
    public async Task<string?> StasisStatusAsync(string probeId, CancellationToken cancellationToken)
    {
        try
        {
            return await ari.Channels.GetVariableAsync(InboundChannelId(probeId), "STASISSTATUS", cancellationToken);
        }
        catch (AriNotFoundException)
        {
            // ARI answers 404 both for an unset variable and for a channel that is gone.
            return await LocationAsync(probeId, cancellationToken) is null ? null : "";
        }
        catch (Exception exception) when (exception is AriException or HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Where the inbound half is in the dialplan now (null when it is gone).</summary>
    public async Task<AriDialplanLocation?> LocationAsync(string probeId, CancellationToken cancellationToken)
    {
        try
        {
            return (await ari.Channels.GetAsync(InboundChannelId(probeId), cancellationToken)).Dialplan;
        }
        catch (Exception exception) when (exception is AriException or HttpRequestException)
        {
            return null;
        }
    }
}
