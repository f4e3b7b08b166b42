using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CallCenter.Ingestion.Tests;

/// <summary>The real ingestion service, in-process, configured the way the AppHost configures it (environment-style keys).</summary>
public sealed class IngestionHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public static IngestionHost Create(string redis, Uri ariBaseUrl, string ariUser, string ariPassword, string stream, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redis,
            ["Ari:BaseUrl"] = ariBaseUrl.AbsoluteUri,
            ["Ari:Username"] = ariUser,
            ["Ari:Password"] = ariPassword,
            ["Ari:Application"] = "call-center",
            ["Ari:ReconnectInitialDelay"] = "00:00:00.200",
            ["Ari:ReconnectMaxDelay"] = "00:00:02",
            ["Ingestion:StreamName"] = stream,
            ["Ingestion:DeadLetterStreamName"] = stream + ":dead",
            ["Ingestion:WriteRetryMaxDelay"] = "00:00:01",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var host = new IngestionHost(settings);
        // Building the server starts the hosted services.
        _ = host.Server;
        return host;
    }

    public T Get<T>() where T : notnull => (T)Services.GetService(typeof(T))!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
