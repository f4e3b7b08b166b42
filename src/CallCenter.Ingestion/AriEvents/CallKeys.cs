using CallCenter.Ari.Events;
using CallCenter.Ari.Models;

namespace CallCenter.Ingestion.AriEvents;

/// <summary>Which channel an event is about, and so which call (linkedid) it belongs to.</summary>
public static class CallKeys
{
    public static AriChannel? PrimaryChannel(AriEvent ariEvent) => ariEvent switch
    {
        ChannelCreated e => e.Channel,
        ChannelStateChange e => e.Channel,
        ChannelDialplan e => e.Channel,
        ChannelVarset e => e.Channel,
        ChannelHangupRequest e => e.Channel,
        ChannelDestroyed e => e.Channel,
        ChannelEnteredBridge e => e.Channel,
        ChannelLeftBridge e => e.Channel,
        ChannelHold e => e.Channel,
        ChannelUnhold e => e.Channel,
        ChannelCallerId e => e.Channel,
        ChannelConnectedLine e => e.Channel,
        StasisStart e => e.Channel,
        StasisEnd e => e.Channel,
        // The dialled leg is what the event is about; it shares the caller's linkedid.
        Dial e => e.Peer,
        BridgeBlindTransfer e => e.Channel,
        BridgeAttendedTransfer e => e.TransfererFirstLeg,
        _ => null,
    };

    /// <summary>
    /// The linkedid (from ari.conf channelvars = CHANNEL(linkedid)); without it, the channel's own id,
    /// which is the linkedid of the channel that started the call.
    /// </summary>
    public static string? CallKey(AriChannel? channel) =>
        channel is null || channel.Id.Length == 0 ? null : channel.LinkedIdOrChannelVar ?? channel.Id;
}
