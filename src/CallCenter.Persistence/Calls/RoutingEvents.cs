using CallCenter.Ari.Events;
using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>Who calls whom: the dialplan's Stasis arguments, the dialled peer and caller id changes.</summary>
internal static class RoutingEvents
{
    public static void Apply(Call call, Dial e, DateTimeOffset at, EventDetails details)
    {
        if (e.Caller is not null)
        {
            CallLegs.Observe(call, e.Caller, at, details: null);
        }

        if (CallLegs.Observe(call, e.Peer, at, details) is { } peer && e.DialStatus.Length > 0)
        {
            peer.DialStatus = ColumnText.Truncate(e.DialStatus, 32);
        }

        details.Add("caller", e.Caller?.Name);
        details.Add("dialString", e.DialString);
        details.Add("dialStatus", e.DialStatus);
    }

    public static void Apply(Call call, StasisStart e, DateTimeOffset at, EventDetails details)
    {
        if (CallLegs.Observe(call, e.Channel, at, details) is { } started && e.Args.Count > 0)
        {
            // Stasis(call-center,<direction>,<caller>,<dialed>) from the dialplan; answered calls enter again
            // with "bridge,<role>,<answering channel>", which says nothing about direction or number.
            if (e.Args[0] is "inbound" or "outbound" or "internal")
            {
                started.StasisDirection = e.Args[0];
                if (e.Args.Count > 2 && e.Args[2] is { Length: > 0 } dialed && dialed != "s")
                {
                    started.DialedExtension = ColumnText.Truncate(dialed, 64);
                }
            }
        }

        details.Add("args", string.Join(',', e.Args));
    }

    public static void Apply(Call call, ChannelCallerId e, DateTimeOffset at, EventDetails details)
    {
        // A Local channel's caller id is the other half's connected line, which Asterisk copies across when the far
        // end answers: it names who answered, not a new caller (a test call's caller half would become the agent).
        if (CallLegs.Observe(call, e.Channel, at, details) is { } renamed && !ChannelNames.IsAuxiliary(e.Channel.Name))
        {
            renamed.CallerNumber = ColumnText.NullIfEmpty(ColumnText.Truncate(e.Channel.Caller.Number, 64)) ?? renamed.CallerNumber;
            renamed.CallerName = ColumnText.NullIfEmpty(ColumnText.Truncate(e.Channel.Caller.Name, 256)) ?? renamed.CallerName;
        }
    }
}
