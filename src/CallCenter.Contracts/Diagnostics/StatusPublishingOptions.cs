namespace CallCenter.Contracts.Diagnostics;

/// <summary>How often a service refreshes its status record for the diagnostics; section "Diagnostics".</summary>
public sealed class StatusPublishingOptions
{
    public const string SectionName = "Diagnostics";

    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Validation message for hosts that bind these options.</summary>
    public const string Invalid = "Diagnostics:StatusInterval must be positive.";

    public bool IsValid => StatusInterval > TimeSpan.Zero;
}
