namespace CallCenter.Persistence.Recordings;

/// <summary>Recording upload settings; section "Recordings". The blob account comes from ConnectionStrings:blobs.</summary>
public sealed class RecordingOptions
{
    public const string SectionName = "Recordings";

    /// <summary>Off: recordings stay in Asterisk and are not queued (a PBX whose recordings are handled elsewhere).</summary>
    public bool Enabled { get; set; } = true;

    public string ContainerName { get; set; } = "recordings";

    /// <summary>Where MixMonitor writes inside Asterisk; a file path under it maps to the ARI stored recording name.</summary>
    public string SpoolDirectory { get; set; } = "/var/spool/asterisk/recording/";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 8;

    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After this many failed attempts the recording is reported as failed (it is still retried at <see cref="MaxRetryDelay"/>).</summary>
    public int AttemptsBeforeReportingFailure { get; set; } = 8;

    /// <summary>How long a worker owns a recording it is uploading before another instance may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Larger recordings are refused rather than buffered (an hour of 8 kHz 16-bit WAV is about 58 MB).</summary>
    public long MaxRecordingBytes { get; set; } = 512L * 1024 * 1024;
}
