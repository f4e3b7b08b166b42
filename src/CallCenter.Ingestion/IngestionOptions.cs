using CallCenter.Contracts;

namespace CallCenter.Ingestion;

/// <summary>Settings of the ingestion service, bound from the "Ingestion" configuration section.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    public string StreamName { get; set; } = AriStreamEntry.DefaultStreamName;

    /// <summary>Where malformed frames are kept, with a reason, for a human to look at.</summary>
    public string DeadLetterStreamName { get; set; } = AriStreamEntry.DefaultDeadLetterStreamName;

    /// <summary>Approximate MAXLEN of the stream (XADD MAXLEN ~); 0 keeps everything.</summary>
    public int StreamMaxLength { get; set; } = 1_000_000;

    /// <summary>Entries held in memory while Redis is slow or down; beyond this new events are dropped and counted.</summary>
    public int BufferCapacity { get; set; } = 50_000;

    /// <summary>Most entries appended by one script call (one round trip, atomic).</summary>
    public int WriteBatchSize { get; set; } = 256;

    public TimeSpan WriteRetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan WriteRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Hand channels that enter Stasis back to the dialplan, so asterisk/extensions.conf routes them to agents.</summary>
    public bool ContinueStasisChannels { get; set; } = true;

    /// <summary>
    /// Bridge the parties of an answered Dial() in the application (Stasis arguments "bridge,..." from
    /// [callcenter-answered]) so the call stays controllable over ARI; when false they are handed back and the
    /// dialplan bridges them.
    /// </summary>
    public bool BridgeAnsweredCalls { get; set; } = true;

    /// <summary>How long the first party of an answered call waits in its bridge for the second before it is hung up.</summary>
    public TimeSpan BridgePairingTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Concurrent "continue" requests; one slow channel must not hold up the others.</summary>
    public int ContinueConcurrency { get; set; } = 16;

    /// <summary>
    /// Endpoints ("PJSIP/name") whose channels are not the call centre's: their events are not written to the stream.
    /// The default is the bundled stack's simulated provider (asterisk/simulated-provider-pjsip.conf), which answers
    /// the trunk's calls inside the same Asterisk; configured values are added to it.
    /// </summary>
    public IList<string> IgnoredEndpoints { get; set; } = ["PJSIP/simulated-provider"];

    /// <summary>How often the snapshot after a (re)connect is tried before it is given up (and reported).</summary>
    public int SnapshotAttempts { get; set; } = 5;
}
