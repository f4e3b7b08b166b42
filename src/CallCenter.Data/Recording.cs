namespace CallCenter.Data;

/// <summary>A call recording on its way from Asterisk's spool to blob storage, and where it landed.</summary>
public sealed class Recording
{
    public Guid Id { get; set; }

    public Guid CallId { get; set; }

    public Call? Call { get; set; }

    /// <summary>Name in Asterisk's stored recordings (GET /recordings/stored/{name}/file).</summary>
    public string SourceName { get; set; } = "";

    public string? AsteriskId { get; set; }

    public RecordingStatus Status { get; set; }

    public string? ContainerName { get; set; }

    public string? BlobName { get; set; }

    public string? ContentType { get; set; }

    public long? SizeBytes { get; set; }

    public double? DurationSeconds { get; set; }

    /// <summary>Hex SHA-256 of the uploaded bytes.</summary>
    public string? Sha256 { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UploadedAt { get; set; }

    public DateTimeOffset? SourceDeletedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set while an instance works on it; another instance may take it after it passes.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    public string? LastError { get; set; }
}
