namespace CallCenter.Persistence.Retention;

/// <summary>Deletes calls (and their recordings) older than <see cref="Days"/>; section "Retention". Off when Days is 0.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    public int Days { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Calls deleted per transaction, so a large backlog never holds long locks.</summary>
    public int BatchSize { get; set; } = 1000;
}
