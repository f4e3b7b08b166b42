extern alias ingestion;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CallCenter.Persistence.Tests;

/// <summary>The real ingestion service (ARI → Redis stream), in-process, configured as the AppHost configures it.</summary>
public sealed class IngestionHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<ingestion::Program>
{
    public static IngestionHost Start(string redis, CallCenter.LocalServers.AsteriskServer asterisk, string stream)
    {
        var host = new IngestionHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redis,
            ["Ari:BaseUrl"] = asterisk.AriBaseUrl.AbsoluteUri,
            ["Ari:Username"] = asterisk.AriUsername,
            ["Ari:Password"] = asterisk.AriPassword,
            ["Ari:Application"] = "call-center",
            ["Ari:ReconnectInitialDelay"] = "00:00:00.200",
            ["Ari:ReconnectMaxDelay"] = "00:00:02",
            ["Ingestion:StreamName"] = stream,
            ["Ingestion:DeadLetterStreamName"] = stream + ":ingestion-dead",
        });
        // Building the server starts the hosted services.
        _ = host.Server;
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
