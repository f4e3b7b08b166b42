using CallCenter.Ari.Events;
using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>Blind and attended transfers a phone made (REFER); only a successful one counts.</summary>
internal static class TransferEvents
{
    private const string TransferSucceeded = "Success";

    public static void Apply(Call call, BridgeBlindTransfer e, DateTimeOffset at, EventDetails details)
    {
        CallLegs.Observe(call, e.Channel, at, details);
        Count(call, "blind", e.Result, details);
        details.Add("exten", e.Extension);
    }

    public static void Apply(Call call, BridgeAttendedTransfer e, DateTimeOffset at, EventDetails details)
    {
        CallLegs.Observe(call, e.TransfererFirstLeg, at, details);
        Count(call, "attended", e.Result, details);
        details.Add("target", e.TransferTarget?.Name);
        details.Add("destinationType", e.DestinationType);
    }

    /// <summary>
    /// An attended transfer hands the consultation call's target to the customer's call (Asterisk
    /// moves the channel to the older linkedid), so in the consultation call that leg ends here.
    /// </summary>
    public static void ApplyAsConsultation(Call consultation, BridgeAttendedTransfer transfer, DateTimeOffset at)
    {
        if (transfer.Result != TransferSucceeded || transfer.TransferTarget is not { } target)
        {
            return;
        }

        var leg = consultation.Legs.FirstOrDefault(l => l.ChannelId == target.Id);
        if (leg is { EndedAt: null })
        {
            leg.EndedAt = at;
            leg.HangupCauseText ??= "transferred";
            CallLegs.CloseHold(leg, at);
        }

        if (consultation.LastEventAt is null || at > consultation.LastEventAt)
        {
            consultation.LastEventAt = at;
        }
    }

    private static void Count(Call call, string kind, string result, EventDetails details)
    {
        if (result == TransferSucceeded)
        {
            call.TransferCount++;
        }

        details.Add("transfer", kind);
        details.Add("result", result);
    }

    /// <summary>The other call an event touches: an attended transfer's consultation call.</summary>
    public static string? ConsultationCallKey(AriEvent ariEvent, string callKey) =>
        ariEvent is BridgeAttendedTransfer { Result: TransferSucceeded } transfer
        && transfer.TransfererSecondLeg.LinkedIdOrChannelVar is { } other
        && other != callKey
            ? other
            : null;
}
