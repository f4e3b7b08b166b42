namespace CallCenter.Testing;

/// <summary>The ingestion service's settings as the AppHost passes them, with quick reconnects for tests.</summary>
public static class IngestionSettings
{
    public static Dictionary<string, string?> For(string redis, Uri ariBaseUrl, string ariUser, string ariPassword, string stream) => new()
    {
        ["ConnectionStrings:redis"] = redis,
        ["Ari:BaseUrl"] = ariBaseUrl.AbsoluteUri,
        ["Ari:Username"] = ariUser,
        ["Ari:Password"] = ariPassword,
        ["Ari:Application"] = "call-center",
        ["Ari:ReconnectInitialDelay"] = "00:00:00.200",
        ["Ari:ReconnectMaxDelay"] = "00:00:02",
        ["Ingestion:StreamName"] = stream,
        ["Ingestion:DeadLetterStreamName"] = stream + ":ingestion-dead",
    };
}
