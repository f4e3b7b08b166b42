using CallCenter.Contracts;
using CallCenter.Data;

namespace CallCenter.Api.Live;

/// <summary>The call as the commit that sent <see cref="CallChangeNotice"/> left it, built from the notice (no re-read of the row).</summary>
internal static class CommittedCall
{
    public static Call From(CallChangeNotice notice, CallState state, Agent? agent, Contact? contact) => new()
    {
        Id = notice.CallId,
        Version = notice.Version,
        Direction = Enum.Parse<CallDirection>(state.Direction),
        Status = Enum.Parse<CallStatus>(state.Status),
        CallerNumber = state.CallerNumber,
        CallerName = state.CallerName,
        DialedNumber = state.DialedNumber,
        AgentExtension = state.AgentExtension,
        AgentId = state.AgentId,
        Agent = agent,
        ContactId = state.ContactId,
        Contact = contact,
        StartedAt = state.StartedAt,
        AnsweredAt = state.AnsweredAt,
        EndedAt = state.EndedAt,
        RingSeconds = state.RingSeconds,
        TalkSeconds = state.TalkSeconds,
        DurationSeconds = state.DurationSeconds,
        HangupCause = state.HangupCause,
        HangupCauseText = state.HangupCauseText,
        HangupBy = state.HangupBy is { } side ? Enum.Parse<HangupSide>(side) : null,
        TransferCount = state.TransferCount,
        HoldCount = state.HoldCount,
        HoldSeconds = state.HoldSeconds,
        RecordingName = state.RecordingName,
        Reconciled = state.Reconciled,
        LastEventAt = state.LastEventAt,
        UpdatedAt = state.UpdatedAt,
    };
}
