using CallCenter.Contracts;
using CallCenter.Data;

namespace CallCenter.Persistence.Consumption;

/// <summary>The call as a commit left it, for its change notice (live subscribers get this version, not a later read).</summary>
public static class CommittedCallState
{
    public static CallChangeNotice NoticeOf(Call call, DateTimeOffset committedAt) =>
        new(call.Id, call.Status.ToString().ToLowerInvariant(), call.Version, committedAt) { State = StateOf(call) };

    public static CallState StateOf(Call call) => new()
    {
        Direction = call.Direction.ToString(),
        Status = call.Status.ToString(),
        CallerNumber = call.CallerNumber,
        CallerName = call.CallerName,
        DialedNumber = call.DialedNumber,
        AgentExtension = call.AgentExtension,
        AgentId = call.AgentId,
        ContactId = call.ContactId,
        StartedAt = call.StartedAt,
        AnsweredAt = call.AnsweredAt,
        EndedAt = call.EndedAt,
        RingSeconds = call.RingSeconds,
        TalkSeconds = call.TalkSeconds,
        DurationSeconds = call.DurationSeconds,
        HangupCause = call.HangupCause,
        HangupCauseText = call.HangupCauseText,
        HangupBy = call.HangupBy?.ToString(),
        TransferCount = call.TransferCount,
        HoldCount = call.HoldCount,
        HoldSeconds = call.HoldSeconds,
        RecordingName = call.RecordingName,
        Reconciled = call.Reconciled,
        LastEventAt = call.LastEventAt,
        UpdatedAt = call.UpdatedAt,
    };
}
