using CallCenter.Testing;

namespace CallCenter.Ingestion.Tests;

/// <summary>Starts the real ingestion service in-process against the given Redis and ARI.</summary>
public static class IngestionHost
{
    public static ServiceHost<Program> Create(string redis, Uri ariBaseUrl, string ariUser, string ariPassword, string stream, params (string Key, string Value)[] extra)
    {
        var settings = IngestionSettings.For(redis, ariBaseUrl, ariUser, ariPassword, stream);
        settings["Ingestion:WriteRetryMaxDelay"] = "00:00:01";
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return new ServiceHost<Program>("ingestion", settings).Start();
    }
}
