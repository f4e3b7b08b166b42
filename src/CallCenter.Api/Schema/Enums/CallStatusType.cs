using CallCenter.Data;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Enums;

/// <summary>The call statuses, each with what Asterisk reported for it (the Persistence README's "Call outcomes" table).</summary>
public sealed class CallStatusType : EnumerationGraphType<CallStatus>
{
    private static readonly Dictionary<string, string> ValueDescriptions = new(StringComparer.Ordinal)
    {
        ["RINGING"] = "Live: nobody has answered yet.",
        ["ANSWERED"] = "Live: answered and in progress.",
        ["COMPLETED"] = "Answered, then ended.",
        ["MISSED"] = "Nobody answered. Inbound: the caller gave up, the agents' phones rang out, or no agent could take it (their legs CHANUNAVAIL or CONGESTION, nobody registered): from the call centre's side a customer's call was missed. Internal: the colleague did not answer (DIALSTATUS NOANSWER, CANCEL).",
        ["BUSY"] = "The callee was busy: hangup cause 17 or DIALSTATUS BUSY (SIP 486), any direction.",
        ["FAILED"] = "Could not be placed. Outbound and internal: DIALSTATUS CHANUNAVAIL, CONGESTION or INVALIDARGS (no route, unknown number such as SIP 404, network down or congested such as 503, phone not registered). Any direction: the caller's own channel ended with a failure cause (1, 2, 3, 21, 27, 34, 38, 41, 42, ...).",
        ["NO_ANSWER"] = "Outbound, rang and the callee did not answer (DIALSTATUS NOANSWER, e.g. SIP 480 or the ring timeout), or the agent gave up while it rang (CANCEL). Not counted as missed.",
    };

    public CallStatusType()
    {
        Name = "CallStatus";
        Description = "RINGING and ANSWERED are live; the rest are final.";
        foreach (var value in Values)
        {
            value.Description = ValueDescriptions[value.Name];
        }
    }
}
