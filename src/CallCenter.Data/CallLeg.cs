namespace CallCenter.Data;

/// <summary>One channel of a call (caller, agent, trunk, Local channels of a transfer).</summary>
public sealed class CallLeg
{
    public Guid Id { get; set; }

    public Guid CallId { get; set; }

    public Call? Call { get; set; }

    public string ChannelId { get; set; } = "";

    public string ChannelName { get; set; } = "";

    /// <summary>Technology/resource, e.g. PJSIP/1001.</summary>
    public string? Endpoint { get; set; }

    public string? CallerNumber { get; set; }

    public string? CallerName { get; set; }

    /// <summary>The first real extension the channel was sent to in the dialplan.</summary>
    public string? DialedExtension { get; set; }

    public string? Context { get; set; }

    /// <summary>inbound / outbound / internal as the dialplan told the ARI application (Stasis argument), when it did.</summary>
    public string? StasisDirection { get; set; }

    /// <summary>Last channel state (Ring, Ringing, Up, ...), by event time.</summary>
    public string? State { get; set; }

    public DateTimeOffset? StateAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? HangupRequestedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Ended by a snapshot rather than by its own ChannelDestroyed.</summary>
    public bool EndReconciled { get; set; }

    public int? HangupCause { get; set; }

    public string? HangupCauseText { get; set; }

    /// <summary>Final Dial status when this channel was dialed (ANSWER, BUSY, NOANSWER, CANCEL, CHANUNAVAIL, CONGESTION).</summary>
    public string? DialStatus { get; set; }

    public DateTimeOffset? FirstBridgedAt { get; set; }

    public int HoldCount { get; set; }

    public double HoldSeconds { get; set; }

    public DateTimeOffset? HoldStartedAt { get; set; }

    public DateTimeOffset? LastEventAt { get; set; }
}
