using CallCenter.Ari.Events;
using CallCenter.Ari.Models;
using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>Leg tracking: what any event says about one channel of the call, and the leg's hold time.</summary>
internal static class CallLegs
{
    private const string UpState = "Up";

    /// <summary>Records what any event says about a channel of this call; returns its leg, or null when the channel belongs to another call.</summary>
    public static CallLeg? Observe(Call call, AriChannel? channel, DateTimeOffset at, EventDetails? details)
    {
        if (channel is null || channel.Id.Length == 0)
        {
            return null;
        }

        details?.Add("channel", channel.Name);
        details?.Add("state", channel.State);

        // Transfers and Dial name channels of other calls too; those are not this call's legs.
        if (channel.LinkedIdOrChannelVar is { } linkedId && linkedId != call.CallKey)
        {
            return null;
        }

        var leg = call.Legs.FirstOrDefault(l => l.ChannelId == channel.Id);
        if (leg is null)
        {
            leg = new CallLeg
            {
                Id = Guid.CreateVersion7(),
                CallId = call.Id,
                ChannelId = ColumnText.Truncate(channel.Id, 128),
                CreatedAt = channel.CreationTime ?? at,
            };
            call.Legs.Add(leg);
        }
        else if (channel.CreationTime is { } created && created < leg.CreatedAt)
        {
            leg.CreatedAt = created;
        }

        if (channel.Name.Length > 0)
        {
            leg.ChannelName = ColumnText.Truncate(channel.Name, 256);
            leg.Endpoint = ColumnText.Truncate(ChannelNames.Endpoint(channel.Name), 256);
        }

        // The caller id a channel was created with is who called; keep the first one seen.
        leg.CallerNumber ??= ColumnText.NullIfEmpty(ColumnText.Truncate(channel.Caller.Number, 64));
        leg.CallerName ??= ColumnText.NullIfEmpty(ColumnText.Truncate(channel.Caller.Name, 256));
        if (leg.DialedExtension is null && channel.Dialplan.Extension is { Length: > 0 } exten && exten != "s")
        {
            leg.DialedExtension = ColumnText.Truncate(exten, 64);
            leg.Context = ColumnText.Truncate(channel.Dialplan.Context, 128);
        }

        if (channel.State.Length > 0 && (leg.StateAt is null || at >= leg.StateAt))
        {
            leg.State = ColumnText.Truncate(channel.State, 32);
            leg.StateAt = at;
        }

        if (channel.State == UpState)
        {
            leg.AnsweredAt = Earliest(leg.AnsweredAt, at);
        }

        if (leg.LastEventAt is null || at > leg.LastEventAt)
        {
            leg.LastEventAt = at;
        }

        return leg;
    }

    /// <summary>The events without a handler of their own only tell the state of their channel.</summary>
    public static void ObserveAny(Call call, AriEvent ariEvent, DateTimeOffset at, EventDetails details)
    {
        if (ChannelOf(ariEvent) is { } channel)
        {
            Observe(call, channel, at, details);
        }
    }

    public static void StartHold(CallLeg leg, DateTimeOffset at)
    {
        if (leg.HoldStartedAt is null && leg.EndedAt is null)
        {
            leg.HoldStartedAt = at;
            leg.HoldCount++;
        }
    }

    public static void CloseHold(CallLeg leg, DateTimeOffset at)
    {
        if (leg.HoldStartedAt is { } start)
        {
            if (at > start)
            {
                leg.HoldSeconds += (at - start).TotalSeconds;
            }

            leg.HoldStartedAt = null;
        }
    }

    public static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } value && value <= candidate ? value : candidate;

    private static AriChannel? ChannelOf(AriEvent ariEvent) => ariEvent switch
    {
        ChannelCreated e => e.Channel,
        ChannelStateChange e => e.Channel,
        ChannelDialplan e => e.Channel,
        ChannelConnectedLine e => e.Channel,
        StasisEnd e => e.Channel,
        _ => null,
    };
}
