namespace CallCenter.Contracts.Diagnostics;

/// <summary>
/// What one persistence worker reports about itself, refreshed every few seconds in the Redis hash
/// <see cref="ServiceStatusKeys.Worker"/> (per stream) under its consumer name.
/// </summary>
public sealed record WorkerStatus
{
    public required string ConsumerName { get; init; }

    /// <summary>True once the worker has applied the call log's migrations.</summary>
    public required bool Migrated { get; init; }

    public DateTimeOffset? LastCommitAt { get; init; }

    /// <summary>Why batches keep failing (they are retried), null while they commit.</summary>
    public string? CommitFailure { get; init; }

    public required bool RecordingsEnabled { get; init; }

    /// <summary>Null when recordings are off.</summary>
    public bool? BlobStorageReachable { get; init; }

    public string? BlobStorageError { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
