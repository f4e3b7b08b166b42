using CallCenter.Api.Calls;
using CallCenter.Api.Control;
using CallCenter.Api.Live;
using CallCenter.Api.Options;
using CallCenter.Api.Recordings;
using CallCenter.Api.Startup;
using CallCenter.Ari;
using CallCenter.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Api.Extensions;

internal static class ApplicationServiceExtensions
{
    /// <summary>Connection string names, as the AppHost passes them (ConnectionStrings__callcenterdb, __redis, __blobs).</summary>
    private const string DatabaseConnectionName = "callcenterdb";
    private const string RedisConnectionName = "redis";
    private const string BlobsConnectionName = "blobs";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.AddCallCenterAuthentication();
        builder.AddCallCenterGraphQL();

        // Before anything that reads the call log: the API starts once the worker has migrated the schema.
        builder.Services.AddHostedService<MigratedSchemaWait>();
        builder.AddNpgsqlDataSource(DatabaseConnectionName);
        builder.Services.AddPooledDbContextFactory<CallCenterDbContext>((services, options) => options
            .UseNpgsql(services.GetRequiredService<NpgsqlDataSource>())
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        builder.EnrichNpgsqlDbContext<CallCenterDbContext>(settings =>
        {
            // A failed read is answered with an error at once rather than held through retries.
            settings.DisableRetry = true;
            // The data source's check already probes the same server.
            settings.DisableHealthChecks = true;
        });
        builder.Services.AddSingleton<CallLogReader>();
        builder.Services.AddSingleton<CallStatsReader>();
        builder.Services.AddScoped<CallRelationsLoader>();

        // Starts even while Redis is down; the multiplexer reconnects and re-subscribes by itself.
        builder.AddRedisClient(RedisConnectionName);
        builder.Services.AddOptions<LiveUpdatesOptions>().Bind(configuration.GetSection(LiveUpdatesOptions.SectionName));
        builder.Services.AddSingleton<CallChangeHub>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CallChangeHub>());
        builder.Services.AddHealthChecks().AddCheck<LiveUpdatesHealthCheck>("live-updates");

        builder.Services.AddOptions<RecordingAccessOptions>().Bind(configuration.GetSection(RecordingAccessOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RecordingLinks>();
        builder.AddBlobServiceClient(BlobsConnectionName);

        builder.Services.AddAriClient(configuration.GetSection(AriOptions.SectionName));
        builder.Services.AddOptions<CallControlOptions>().Bind(configuration.GetSection(CallControlOptions.SectionName))
            .Validate(o => o.AgentEndpointFormat.Contains("{0}", StringComparison.Ordinal), "CallControl:AgentEndpointFormat must contain {0} (the extension).")
            .Validate(o => o.OriginateRingTimeout > TimeSpan.Zero, "CallControl:OriginateRingTimeout must be positive.")
            .Validate(o => o.EnterApplicationWait >= TimeSpan.Zero && o.EnterApplicationWait <= TimeSpan.FromSeconds(30),
                "CallControl:EnterApplicationWait must be between 0 and 30 seconds.")
            .ValidateOnStart();
        // Scoped: it holds a typed HttpClient, whose handler the factory rotates.
        builder.Services.AddScoped<CallControlService>();
        builder.AddTestCalls();

        builder.AddCallPathDiagnostics();

        builder.AddWebConsole();
        return builder;
    }
}
