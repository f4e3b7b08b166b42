namespace CallCenter.Contracts;

/// <summary>
/// A call's row as one commit left it, carried in its <see cref="CallChangeNotice"/> so that live subscribers get
/// exactly that version (re-reading the row could return a newer one). Enum values by their names in the call log.
/// </summary>
public sealed record CallState
{
    public required string Direction { get; init; }

    public required string Status { get; init; }

    public string? CallerNumber { get; init; }

    public string? CallerName { get; init; }

    public string? DialedNumber { get; init; }

    public string? AgentExtension { get; init; }

    public Guid? AgentId { get; init; }

    public Guid? ContactId { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public double? RingSeconds { get; init; }

    public double? TalkSeconds { get; init; }

    public double? DurationSeconds { get; init; }

    public int? HangupCause { get; init; }

    public string? HangupCauseText { get; init; }

    public string? HangupBy { get; init; }

    public int TransferCount { get; init; }

    public int HoldCount { get; init; }

    public double HoldSeconds { get; init; }

    public string? RecordingName { get; init; }

    public bool Reconciled { get; init; }

    public DateTimeOffset? LastEventAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
