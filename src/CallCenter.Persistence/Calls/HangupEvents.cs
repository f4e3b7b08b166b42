using CallCenter.Ari.Events;
using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>A channel hung up: the hangup request says which phone asked, the destruction ends the leg.</summary>
internal static class HangupEvents
{
    public static void Apply(Call call, ChannelDestroyed e, DateTimeOffset at, EventDetails details)
    {
        if (CallLegs.Observe(call, e.Channel, at, details) is { } destroyed)
        {
            if (destroyed.EndedAt is null || destroyed.EndReconciled)
            {
                destroyed.EndedAt = at;
                destroyed.EndReconciled = false;
            }

            destroyed.HangupCause = e.Cause;
            destroyed.HangupCauseText = ColumnText.Truncate(e.CauseText, 128);
            CallLegs.CloseHold(destroyed, at);
        }

        details.Add("cause", e.Cause);
        details.Add("causeText", e.CauseText);
    }

    public static void Apply(Call call, ChannelHangupRequest e, DateTimeOffset at, EventDetails details)
    {
        // Our own ARI hangups are soft: only a phone's hard request says who hung up.
        if (CallLegs.Observe(call, e.Channel, at, details) is { } hungUp && e.Soft != true)
        {
            hungUp.HangupRequestedAt = CallLegs.Earliest(hungUp.HangupRequestedAt, at);
            hungUp.HangupCause ??= e.Cause;
        }

        details.Add("cause", e.Cause);
        details.Add("soft", e.Soft);
    }
}
