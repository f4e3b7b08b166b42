using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>The call's summary (status, parties, times, who hung up), recomputed from its legs after every change.</summary>
internal static class CallSummary
{
    /// <summary>Recomputes the call's summary (status, parties, times) from its legs.</summary>
    public static void Summarize(Call call, CallRules rules)
    {
        if (call.Legs.Count == 0)
        {
            return;
        }

        var origin = call.Legs.FirstOrDefault(l => l.ChannelId == call.CallKey)
            ?? call.Legs.OrderBy(l => l.CreatedAt).ThenBy(l => l.ChannelId, StringComparer.Ordinal).First();
        var peers = call.Legs.Where(l => l != origin && !ChannelNames.IsAuxiliary(l.ChannelName)).ToList();
        var answeringLeg = peers.Where(l => l.AnsweredAt is not null).MinBy(l => l.AnsweredAt);

        call.StartedAt = call.Legs.Min(l => l.CreatedAt);
        call.CallerNumber = origin.CallerNumber;
        call.CallerName = origin.CallerName;
        call.DialedNumber = origin.DialedExtension ?? call.DialedNumber;
        call.Direction = DirectionOf(origin, call.DialedNumber, rules);
        call.AgentExtension = call.Direction == CallDirection.Inbound
            ? ChannelNames.Resource(answeringLeg?.Endpoint)
            : origin.CallerNumber is { } number && rules.IsInternalNumber(number) ? number : ChannelNames.Resource(origin.Endpoint);

        var answeredAt = answeringLeg?.AnsweredAt ?? (peers.Count == 0 ? origin.AnsweredAt : null);
        var counted = peers.Append(origin).ToList();
        var ended = counted.All(l => l.EndedAt is not null);

        call.HoldCount = call.Legs.Sum(l => l.HoldCount);
        call.HoldSeconds = Math.Round(call.Legs.Sum(l => l.HoldSeconds), 3);
        call.Reconciled = call.Legs.Any(l => l.EndReconciled);
        var dialledCause = CallOutcome.DialledCauseLeg(call.Direction, peers, answeringLeg);
        call.HangupCause = dialledCause is not null ? dialledCause.HangupCause : origin.HangupCause ?? answeringLeg?.HangupCause;
        call.HangupCauseText = dialledCause is not null ? dialledCause.HangupCauseText : origin.HangupCauseText ?? answeringLeg?.HangupCauseText;

        if (!ended)
        {
            if (call.Status.IsFinal())
            {
                // A late event (or a leg seen only now) never reopens a finished call.
                return;
            }

            call.AnsweredAt = answeredAt;
            call.Status = answeredAt is null ? CallStatus.Ringing : CallStatus.Answered;
            call.EndedAt = null;
            call.RingSeconds = call.TalkSeconds = call.DurationSeconds = null;
            return;
        }

        var endedAt = counted.Max(l => l.EndedAt!.Value);
        call.EndedAt = endedAt;
        call.AnsweredAt = answeredAt;
        call.Status = answeredAt is not null ? CallStatus.Completed : CallOutcome.Unanswered(call.Direction, origin, peers);
        call.DurationSeconds = Seconds(call.StartedAt, endedAt);
        call.RingSeconds = Seconds(call.StartedAt, answeredAt ?? endedAt);
        call.TalkSeconds = answeredAt is { } answered ? Seconds(answered, endedAt) : 0;
        call.HangupBy = call.Status is CallStatus.Busy or CallStatus.Failed
            ? HangupSide.System
            : WhoHungUp(origin, call.TransferCount > 0 ? LastPartyAfterTransfer(peers, answeringLeg) : answeringLeg, answeringLeg);
    }

    /// <summary>
    /// After a transfer the party who first answered handed the caller on and hung up while the call went on, so its
    /// hangup did not end the call; the last party who answered after it (if any, e.g. a second agent) is the callee.
    /// </summary>
    private static CallLeg? LastPartyAfterTransfer(List<CallLeg> peers, CallLeg? answeringLeg) =>
        peers.Where(l => l != answeringLeg && l.AnsweredAt is not null).MaxBy(l => l.AnsweredAt);

    private static HangupSide WhoHungUp(CallLeg origin, CallLeg? calleeLeg, CallLeg? answeringLeg)
    {
        if (answeringLeg is null)
        {
            return HangupSide.Caller;
        }

        // An explicit hangup request says who hung up; the other side is hung up by Asterisk right after.
        var callerRequest = origin.HangupRequestedAt;
        var calleeRequest = calleeLeg?.HangupRequestedAt;
        if (callerRequest is not null || calleeRequest is not null)
        {
            return calleeRequest is not null && (callerRequest is null || calleeRequest < callerRequest) ? HangupSide.Callee : HangupSide.Caller;
        }

        // Neither phone asked to hang up (no hard request): Asterisk, the dialplan or our own ARI hangup ended it.
        return HangupSide.System;
    }

    private static CallDirection DirectionOf(CallLeg origin, string? dialedNumber, CallRules rules)
    {
        switch (origin.StasisDirection)
        {
            case "inbound":
                return CallDirection.Inbound;
            case "outbound":
                return CallDirection.Outbound;
            case "internal":
                return CallDirection.Internal;
        }

        var fromAgent = rules.IsInternalNumber(origin.CallerNumber)
            || rules.AgentExtensions.Contains(ChannelNames.Resource(origin.Endpoint) ?? "");
        if (!fromAgent)
        {
            return CallDirection.Inbound;
        }

        return rules.IsInternalNumber(dialedNumber) ? CallDirection.Internal : CallDirection.Outbound;
    }

    private static double Seconds(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, Math.Round((to - from).TotalSeconds, 3));
}
