using CallCenter.Ari;
using CallCenter.Persistence;
using CallCenter.Persistence.Calls;
using CallCenter.Persistence.Consumption;
using CallCenter.Persistence.Data;
using CallCenter.Persistence.Health;
using CallCenter.Persistence.Recordings;
using CallCenter.Persistence.Retention;
using CallCenter.Persistence.Telemetry;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class PersistenceServiceExtensions
{
    /// <summary>Connection string names, as the AppHost passes them (ConnectionStrings__callcenterdb, __redis, __blobs).</summary>
    public const string DatabaseConnectionName = "callcenterdb";
    public const string RedisConnectionName = "redis";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<PersistenceOptions>()
            .Bind(configuration.GetSection(PersistenceOptions.SectionName))
            .Validate(o => o.BatchSize > 0 && o.PollInterval > TimeSpan.Zero && o.ClaimMinIdle > TimeSpan.Zero, "Persistence batch size, poll interval and claim idle time must be positive.")
            .Validate(o => o.InitialRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.InitialRetryDelay, "Persistence retry delays must be positive and MaxRetryDelay >= InitialRetryDelay.")
            .ValidateOnStart();
        services.AddOptions<RecordingOptions>()
            .Bind(configuration.GetSection(RecordingOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ContainerName) && o.BatchSize > 0, "Recordings:ContainerName and BatchSize are required.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.Days >= 0 && o.BatchSize > 0, "Retention:Days must be 0 (off) or positive.")
            .ValidateOnStart();

        services.AddDbContext<CallCenterDbContext>((serviceProvider, db) =>
        {
            var connectionString = serviceProvider.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseConnectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{DatabaseConnectionName} is not configured.");
            db.UseNpgsql(connectionString);
        });

        services.AddSingleton<IConnectionMultiplexer>(serviceProvider =>
        {
            var connectionString = serviceProvider.GetRequiredService<IConfiguration>().GetConnectionString(RedisConnectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{RedisConnectionName} is not configured.");
            var redisOptions = ConfigurationOptions.Parse(connectionString);
            // Start (and serve /alive) while Redis is down; the consumer retries until it is back.
            redisOptions.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(redisOptions);
        });

        services.AddAriClient(configuration.GetSection(AriOptions.SectionName));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PersistenceMetrics>();
        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<ConsumerState>();
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<RecordingWakeup>();
        services.AddSingleton<RecordingStore>();
        services.AddScoped<CallBatchWriter>();

        // The migrator is registered first: the others wait for it through DatabaseReadiness.
        services.AddHostedService<DatabaseMigrator>();
        services.AddHostedService<AriEventConsumer>();
        services.AddHostedService<RecordingUploader>();
        services.AddHostedService<RetentionService>();

        services.AddHealthChecks().AddCheck<PersistenceHealthCheck>("persistence");
        return builder;
    }
}
