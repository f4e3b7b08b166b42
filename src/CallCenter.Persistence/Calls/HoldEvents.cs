using CallCenter.Ari.Events;
using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>A phone's own hold and resume (re-INVITE); the API's hold comes as a channel variable instead.</summary>
internal static class HoldEvents
{
    public static void Apply(Call call, ChannelHold e, DateTimeOffset at, EventDetails details)
    {
        if (CallLegs.Observe(call, e.Channel, at, details) is { } held)
        {
            CallLegs.StartHold(held, at);
        }
    }

    public static void Apply(Call call, ChannelUnhold e, DateTimeOffset at, EventDetails details)
    {
        if (CallLegs.Observe(call, e.Channel, at, details) is { } resumed)
        {
            CallLegs.CloseHold(resumed, at);
        }
    }
}
