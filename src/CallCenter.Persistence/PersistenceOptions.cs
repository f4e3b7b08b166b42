using CallCenter.Contracts;

namespace CallCenter.Persistence;

/// <summary>How the worker consumes the ARI event stream; section "Persistence".</summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Persistence";

    public string StreamName { get; set; } = AriStreamEntry.DefaultStreamName;

    public string DeadLetterStreamName { get; set; } = AriStreamEntry.DefaultDeadLetterStreamName;

    public string ConsumerGroup { get; set; } = "callcenter-persistence";

    /// <summary>Unique per instance; the default combines host name and process id so replicas never share one.</summary>
    public string? ConsumerName { get; set; }

    public string NoticeChannel { get; set; } = CallChangeNotice.DefaultChannel;

    /// <summary>
    /// Entries read (and committed in one transaction) at a time. 1000 measured fastest on 2 cores
    /// (bench/CallCenter.Persistence.Benchmarks): 500 pays more round trips per event, 2000 puts the
    /// batch's arrays on the large object heap and triggers gen-2 collections.
    /// </summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// A batch of at least half <see cref="BatchSize"/> (a backlog) is committed in this many parts that share no call,
    /// side by side, each in its own transaction: the database works on one while the worker prepares the next.
    /// 1 commits every batch whole.
    /// </summary>
    public int CommitPartitions { get; set; } = 2;

    /// <summary>StackExchange.Redis cannot block on XREADGROUP, so an empty read waits this long before polling again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A pending entry idle this long belongs to a consumer presumed dead and is claimed.</summary>
    public TimeSpan ClaimMinIdle { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often this instance looks for idle pending entries of other consumers.</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Entries every consumer group has acknowledged stay in the stream this long (for diagnostics and a look with
    /// redis-cli), then are trimmed; the call log is their record.
    /// </summary>
    public TimeSpan KeepCommittedFor { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often committed entries are trimmed from the stream.</summary>
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait after a failed commit (database down); doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Caller or dialed numbers with at most this many digits are internal extensions (agents).</summary>
    public int MaxExtensionLength { get; set; } = 5;

    /// <summary>Channel variable whose value names the call's recording (MixMonitor sets MIXMONITOR_FILENAME to the file path).</summary>
    public IList<string> RecordingVariables { get; set; } = ["MIXMONITOR_FILENAME", "CALLCENTER_RECORDING"];

    internal string EffectiveConsumerName =>
        string.IsNullOrWhiteSpace(ConsumerName) ? $"{Environment.MachineName}-{Environment.ProcessId}" : ConsumerName;
}
