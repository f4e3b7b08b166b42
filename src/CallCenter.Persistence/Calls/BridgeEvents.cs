using CallCenter.Ari.Events;
using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>A channel entered or left a bridge: the first bridging is when its party was connected.</summary>
internal static class BridgeEvents
{
    public static void Apply(Call call, ChannelEnteredBridge e, DateTimeOffset at, EventDetails details)
    {
        if (CallLegs.Observe(call, e.Channel, at, details) is { } bridged)
        {
            bridged.FirstBridgedAt = CallLegs.Earliest(bridged.FirstBridgedAt, at);
        }

        details.Add("bridge", e.Bridge.Id);
    }

    public static void Apply(Call call, ChannelLeftBridge e, DateTimeOffset at, EventDetails details)
    {
        CallLegs.Observe(call, e.Channel, at, details);
        details.Add("bridge", e.Bridge.Id);
    }
}
