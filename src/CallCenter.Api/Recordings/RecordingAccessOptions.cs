namespace CallCenter.Api.Recordings;

/// <summary>Recording download settings, bound from "Recordings" (the blob account is ConnectionStrings:blobs).</summary>
public sealed class RecordingAccessOptions
{
    public const string SectionName = "Recordings";

    /// <summary>Container used when a recording row does not name one.</summary>
    public string ContainerName { get; set; } = "recordings";

    /// <summary>How long a signed download link stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Key for signing download links (at least 32 bytes). Replicas must share it; when empty a random
    /// per-process key is used, so links only work on the instance that made them.
    /// </summary>
    public string LinkSigningKey { get; set; } = "";
}
