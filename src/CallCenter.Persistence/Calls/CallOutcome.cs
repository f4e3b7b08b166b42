using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>
/// What a call nobody answered ended as, per direction, from Asterisk's dial statuses and Q.850 hangup causes
/// (the table is in the Persistence README, "Call outcomes"). The calling leg's own DIALSTATUS (its
/// ChannelVarset) and each dialled leg's status (Dial events) say what the dialled side did; the calling
/// leg's hangup cause says what the dialplan or the network did with the caller.
/// </summary>
internal static class CallOutcome
{
    /// <summary>The variable Dial() leaves its result in on the calling channel.</summary>
    public const string DialStatusVariable = "DIALSTATUS";

    private const string Busy = "BUSY";

    // Dial() could not reach anyone: no channel (unregistered phone, no route), the network refused (404, 503, ...),
    // or the dial string was wrong.
    private static readonly HashSet<string> NotPlacedStatuses = ["CHANUNAVAIL", "CONGESTION", "INVALIDARGS"];

    public static CallStatus Unanswered(CallDirection direction, CallLeg origin, IReadOnlyList<CallLeg> peers)
    {
        if (HangupCauses.IsBusy(origin.HangupCause) || origin.DialStatus == Busy || peers.Any(p => p.DialStatus == Busy))
        {
            return CallStatus.Busy;
        }

        if (HangupCauses.IsFailure(origin.HangupCause))
        {
            return CallStatus.Failed;
        }

        if (direction == CallDirection.Inbound)
        {
            // From the call centre's side a customer's call was missed, whether the agents' phones rang out, were
            // unreachable or not registered at all.
            return CallStatus.Missed;
        }

        if (IsNotPlaced(origin.DialStatus) || (origin.DialStatus is null && peers.Count > 0 && peers.All(p => IsNotPlaced(p.DialStatus))))
        {
            return CallStatus.Failed;
        }

        // Rang and nobody answered (NOANSWER), or the agent gave up while it rang (CANCEL).
        return direction == CallDirection.Outbound ? CallStatus.NoAnswer : CallStatus.Missed;
    }

    /// <summary>
    /// For an outbound call nobody answered, the dialled (trunk) leg: its hangup cause is the network's answer
    /// (1 unallocated number, 17 busy, 34 congestion ...), where the agent's own leg only says how the dialplan
    /// ended it. Null otherwise: the calling leg's cause is the call's.
    /// </summary>
    public static CallLeg? DialledCauseLeg(CallDirection direction, IReadOnlyList<CallLeg> peers, CallLeg? answeringLeg) =>
        direction == CallDirection.Outbound && answeringLeg is null
            ? peers.Where(p => p.HangupCause is not null).MaxBy(p => p.EndedAt)
            : null;

    private static bool IsNotPlaced(string? dialStatus) => dialStatus is not null && NotPlacedStatuses.Contains(dialStatus);
}
