namespace CallCenter.Data;

/// <summary>One customer call: every channel sharing an Asterisk linkedid.</summary>
public sealed class Call
{
    public Guid Id { get; set; }

    /// <summary>Asterisk's entity id; with <see cref="CallKey"/> identifies the call across several PBXs.</summary>
    public string AsteriskId { get; set; } = "";

    /// <summary>The linkedid.</summary>
    public string CallKey { get; set; } = "";

    public CallDirection Direction { get; set; }

    public CallStatus Status { get; set; }

    public string? CallerNumber { get; set; }

    public string? CallerName { get; set; }

    public string? DialedNumber { get; set; }

    /// <summary>The agent's extension: who answered an inbound call, who placed an outbound one.</summary>
    public string? AgentExtension { get; set; }

    public Guid? AgentId { get; set; }

    public Agent? Agent { get; set; }

    /// <summary>The outside party (caller of an inbound call, callee of an outbound one) when their number is known.</summary>
    public Guid? ContactId { get; set; }

    public Contact? Contact { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Wait before answer (or until the end when never answered).</summary>
    public double? RingSeconds { get; set; }

    public double? TalkSeconds { get; set; }

    public double? DurationSeconds { get; set; }

    /// <summary>Q.850 cause of the caller's channel (16 normal, 17 busy, 19 no answer, ...).</summary>
    public int? HangupCause { get; set; }

    public string? HangupCauseText { get; set; }

    public HangupSide? HangupBy { get; set; }

    public int TransferCount { get; set; }

    public int HoldCount { get; set; }

    public double HoldSeconds { get; set; }

    /// <summary>Asterisk's stored recording name, once the call is known to be recorded.</summary>
    public string? RecordingName { get; set; }

    /// <summary>Closed from a snapshot because its channels vanished while events were not received; the end time is the best known.</summary>
    public bool Reconciled { get; set; }

    /// <summary>Stream id of the newest entry applied.</summary>
    public string? LastStreamId { get; set; }

    public DateTimeOffset? LastEventAt { get; set; }

    /// <summary>Incremented on every committed change; subscribers compare it with the notice's version.</summary>
    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// A synthetic call of the diagnostics probe (its call key starts with "cc-probe-"); computed by the database, kept in
    /// the log and left out of statistics by default.
    /// </summary>
    public bool IsTest { get; set; }

    public List<CallLeg> Legs { get; set; } = [];

    public List<CallEvent> Events { get; set; } = [];

    public List<Recording> Recordings { get; set; } = [];
}
