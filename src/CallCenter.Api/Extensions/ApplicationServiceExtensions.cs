using Azure.Storage.Blobs;
using CallCenter.Api.Calls;
using CallCenter.Api.Control;
using CallCenter.Api.Live;
using CallCenter.Api.Options;
using CallCenter.Api.Recordings;
using CallCenter.Ari;
using CallCenter.Persistence.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CallCenter.Api.Extensions;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApiServices(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.AddCallCenterAuthentication();
        builder.AddCallCenterGraphQL();

        builder.Services.AddPooledDbContextFactory<CallCenterDbContext>(options => options
            .UseNpgsql(RequiredConnectionString(configuration, "callcenterdb"))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        builder.Services.AddSingleton<CallLogReader>();
        builder.Services.AddSingleton<CallStatsReader>();
        builder.Services.AddScoped<CallRelationsLoader>();

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var redis = ConfigurationOptions.Parse(RequiredConnectionString(configuration, "redis"));
            // Start even while Redis is down; the multiplexer reconnects and re-subscribes by itself.
            redis.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(redis);
        });
        builder.Services.AddOptions<LiveUpdatesOptions>().Bind(configuration.GetSection(LiveUpdatesOptions.SectionName));
        builder.Services.AddSingleton<CallChangeHub>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CallChangeHub>());

        builder.Services.AddOptions<RecordingAccessOptions>().Bind(configuration.GetSection(RecordingAccessOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RecordingLinks>();
        builder.Services.AddSingleton(_ => new BlobServiceClient(RequiredConnectionString(configuration, "blobs")));

        builder.Services.AddAriClient(configuration.GetSection(AriOptions.SectionName));
        builder.Services.AddOptions<CallControlOptions>().Bind(configuration.GetSection(CallControlOptions.SectionName));
        // Scoped: it holds a typed HttpClient, whose handler the factory rotates.
        builder.Services.AddScoped<CallControlService>();

        builder.Services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.SectionName));

        builder.Services.AddHealthChecks()
            .AddCheck<Health.PostgresHealthCheck>("postgres")
            .AddCheck<Health.RedisHealthCheck>("redis");
        return builder;
    }

    private static string RequiredConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.");
}
