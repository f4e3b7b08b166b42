namespace CallCenter.Data;

/// <summary>One ARI event in a call's timeline. <see cref="EventId"/> is unique, so a redelivered entry is stored once.</summary>
public sealed class CallEvent
{
    public long Id { get; set; }

    public Guid CallId { get; set; }

    /// <summary>"{connection}:{ordinal}" from the ingestion service.</summary>
    public string EventId { get; set; } = "";

    /// <summary>Redis stream entry id the event was read from.</summary>
    public string StreamId { get; set; } = "";

    public string Type { get; set; } = "";

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public string? ChannelId { get; set; }

    /// <summary>A compact JSON summary (state, cause, dial status, ...), not the whole frame.</summary>
    public string? Details { get; set; }
}
