using CallCenter.Data;

namespace CallCenter.Api.Calls;

/// <summary>The calls(filter:) argument. Every set criterion must hold.</summary>
public sealed class CallFilter
{
    /// <summary>Calls that started at or after this instant.</summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Calls that started before this instant.</summary>
    public DateTimeOffset? Until { get; set; }

    public IList<CallDirection>? Direction { get; set; }

    public IList<CallStatus>? Status { get; set; }

    /// <summary>Digits matched anywhere in the caller or the dialed number ("4567" finds +998 90 123 45 67).</summary>
    public string? Number { get; set; }

    public Guid? AgentId { get; set; }

    public string? Extension { get; set; }

    public bool? HasRecording { get; set; }

    public double? MinDurationSeconds { get; set; }

    public Guid? ContactId { get; set; }

    /// <summary>Part of the identified contact's company name (case-insensitive).</summary>
    public string? Company { get; set; }
}
