using CallCenter.Ari.Events;
using CallCenter.Contracts;
using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>
/// Channel variables that mean something to the call: the recording's name (dialplan), and the API's hold and
/// transfer markers (ARI's own hold and redirect raise no event of their own).
/// </summary>
internal static class ChannelVariableEvents
{
    public static void Apply(Call call, ChannelVarset e, DateTimeOffset at, EventDetails details, CallRules rules)
    {
        var leg = CallLegs.Observe(call, e.Channel, at, details);
        if (rules.RecordingVariables.Contains(e.Variable) && rules.StoredRecordingName(e.Value) is { } recording)
        {
            call.RecordingName ??= ColumnText.Truncate(recording, 512);
        }

        if (e.Variable == CallCenterChannelVariables.Hold && leg is not null)
        {
            // The API held or resumed the channel (ARI's hold raises no ChannelHold event).
            if (e.Value == "1")
            {
                CallLegs.StartHold(leg, at);
            }
            else
            {
                CallLegs.CloseHold(leg, at);
            }
        }

        if (e.Variable == CallOutcome.DialStatusVariable && leg is not null && e.Value.Length > 0)
        {
            // What the calling leg's Dial() ended with (peers get theirs from Dial events).
            leg.DialStatus = ColumnText.Truncate(e.Value, 32);
        }

        if (e.Variable == CallCenterChannelVariables.Transfer && e.Value.Length > 0)
        {
            // The API moved the customer to a new destination (a blind transfer through ARI).
            call.TransferCount++;
            details.Add("transfer", "api");
        }

        details.Add("variable", e.Variable);
        details.Add("value", e.Value);
    }
}
