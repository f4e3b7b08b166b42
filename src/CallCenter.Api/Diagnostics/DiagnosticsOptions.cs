using CallCenter.Contracts;

namespace CallCenter.Api.Diagnostics;

/// <summary>What the diagnostics look at and when they warn; section "Diagnostics" (validated at start).</summary>
public sealed class DiagnosticsOptions
{
    public const string SectionName = "Diagnostics";

    /// <summary>The ingestion service's Ingestion:StreamName and the worker's Persistence:StreamName.</summary>
    public string StreamName { get; set; } = AriStreamEntry.DefaultStreamName;

    public string DeadLetterStreamName { get; set; } = AriStreamEntry.DefaultDeadLetterStreamName;

    /// <summary>The worker's Persistence:ConsumerGroup.</summary>
    public string ConsumerGroup { get; set; } = "callcenter-persistence";

    /// <summary>The PJSIP endpoint of the SIP trunk; empty skips the trunk.</summary>
    public string TrunkEndpoint { get; set; } = "trunk";

    /// <summary>A service whose status record is older than this is reported as not running.</summary>
    public TimeSpan StatusStaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one check may take before it is reported as FAILED.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Entries not yet delivered to the worker: WARNING from this many.</summary>
    public long LagWarning { get; set; } = 1_000;

    /// <summary>FAILED from this many.</summary>
    public long LagFailure { get; set; } = 10_000;

    /// <summary>Age of the oldest entry delivered but not acknowledged: WARNING from this age.</summary>
    public TimeSpan PendingAgeWarning { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan PendingAgeFailure { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>ARI reconnects within the last hour: WARNING from this many.</summary>
    public int ReconnectsWarning { get; set; } = 3;

    /// <summary>The oldest recording waiting to upload: WARNING from this age.</summary>
    public TimeSpan UploadAgeWarning { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Stream entries the channel-variable check reads, newest first.</summary>
    public int RecentEntries { get; set; } = 500;

    public CallPathProbeOptions Probe { get; set; } = new();

    internal IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(StreamName) || string.IsNullOrWhiteSpace(ConsumerGroup))
        {
            yield return "Diagnostics:StreamName and ConsumerGroup are required.";
        }

        if (LagWarning < 1 || LagFailure < LagWarning)
        {
            yield return "Diagnostics:LagWarning must be at least 1 and LagFailure at least LagWarning.";
        }

        if (PendingAgeWarning <= TimeSpan.Zero || PendingAgeFailure < PendingAgeWarning)
        {
            yield return "Diagnostics:PendingAgeWarning must be positive and PendingAgeFailure at least PendingAgeWarning.";
        }

        if (StatusStaleAfter <= TimeSpan.Zero || CheckTimeout <= TimeSpan.Zero || UploadAgeWarning <= TimeSpan.Zero || ReconnectsWarning < 1 || RecentEntries < 1)
        {
            yield return "Diagnostics:StatusStaleAfter, CheckTimeout, UploadAgeWarning, ReconnectsWarning and RecentEntries must be positive.";
        }

        foreach (var problem in Probe.Problems())
        {
            yield return problem;
        }
    }
}
