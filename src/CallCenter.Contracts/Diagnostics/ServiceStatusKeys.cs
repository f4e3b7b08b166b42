namespace CallCenter.Contracts.Diagnostics;

/// <summary>
/// Where the services publish their own status for the API's diagnostics: Redis hashes (instance → JSON) named after
/// the event stream they serve, so that several pipelines sharing one Redis keep apart.
/// </summary>
public static class ServiceStatusKeys
{
    /// <summary>"callcenter:ari-events:status:ingestion" for the default stream.</summary>
    public static string Ingestion(string streamName) => streamName + ":status:ingestion";

    public static string Worker(string streamName) => streamName + ":status:worker";
}
