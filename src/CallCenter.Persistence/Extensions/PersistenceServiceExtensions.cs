using CallCenter.Ari;
using CallCenter.Contracts.Diagnostics;
using CallCenter.Data;
using CallCenter.Persistence.Calls;
using CallCenter.Persistence.Consumption;
using CallCenter.Persistence.Diagnostics;
using CallCenter.Persistence.Health;
using CallCenter.Persistence.Recordings;
using CallCenter.Persistence.Retention;
using CallCenter.Persistence.Telemetry;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Persistence.Extensions;

/// <summary>The worker's composition root; public so that the API's end-to-end tests can host the real worker.</summary>
public static class PersistenceServiceExtensions
{
    /// <summary>Connection string names, as the AppHost passes them (ConnectionStrings__callcenterdb, __redis, __blobs).</summary>
    public const string DatabaseConnectionName = "callcenterdb";
    public const string RedisConnectionName = "redis";
    public const string BlobsConnectionName = "blobs";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<PersistenceOptions>()
            .Bind(configuration.GetSection(PersistenceOptions.SectionName))
            .Validate(o => o.BatchSize > 0 && o.CommitPartitions > 0 && o.PollInterval > TimeSpan.Zero && o.ClaimMinIdle > TimeSpan.Zero, "Persistence batch size, commit partitions, poll interval and claim idle time must be positive.")
            .Validate(o => o.InitialRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.InitialRetryDelay, "Persistence retry delays must be positive and MaxRetryDelay >= InitialRetryDelay.")
            .Validate(o => o.TrimInterval > TimeSpan.Zero && o.KeepCommittedFor >= TimeSpan.Zero, "Persistence:TrimInterval must be positive and KeepCommittedFor not negative.")
            .ValidateOnStart();
        services.AddOptions<RecordingOptions>()
            .Bind(configuration.GetSection(RecordingOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ContainerName) && o.BatchSize > 0, "Recordings:ContainerName and BatchSize are required.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.Days >= 0 && o.BatchSize > 0, "Retention:Days must be 0 (off) or positive.")
            .ValidateOnStart();

        // One traced and counted data source serves both the hand-written batch writes (which take the context's
        // connection) and EF. No EF retry strategy: the consumer retries whole batches, in transactions of its own.
        builder.AddNpgsqlDataSource(DatabaseConnectionName, configureDataSourceBuilder: dataSource =>
        {
            // Every batch runs the same few statements: prepared once per connection, PostgreSQL stops parsing and
            // planning them for each batch. A connection string that sets it wins.
            if (!dataSource.ConnectionStringBuilder.ContainsKey("Max Auto Prepare"))
            {
                dataSource.ConnectionStringBuilder.MaxAutoPrepare = 32;
                dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            }
        });
        services.AddDbContext<CallCenterDbContext>((serviceProvider, db) => db.UseNpgsql(serviceProvider.GetRequiredService<NpgsqlDataSource>()));
        builder.EnrichNpgsqlDbContext<CallCenterDbContext>(settings =>
        {
            settings.DisableRetry = true;
            // The data source's check already probes the same server.
            settings.DisableHealthChecks = true;
        });

        // Starts (and serves /alive) while Redis is down (the integration's default); the consumer retries until it is back.
        // No span per Redis command by default: the instrumentation's profiler holds every command until its flush,
        // which at 20,000 XADD/s cost about 100 MB and CPU per event (measured 2026-11-29); the service traces its own
        // batches. Aspire:StackExchange:Redis:DisableTracing=false turns them on.
        builder.AddRedisClient(RedisConnectionName, settings => settings.DisableTracing = builder.Configuration.GetValue("Aspire:StackExchange:Redis:DisableTracing", true));

        // With recordings off (a PBX whose recordings are handled elsewhere) the account may not be configured at all,
        // so /health does not ask for it. Our own loop retries with backoff for as long as it takes; the SDK only
        // smooths over blips.
        var recordingsEnabled = configuration.GetValue($"{RecordingOptions.SectionName}:{nameof(RecordingOptions.Enabled)}", true);
        builder.AddBlobServiceClient(BlobsConnectionName, settings => settings.DisableHealthChecks |= !recordingsEnabled, blobs =>
        {
            blobs.Retry.MaxRetries = 2;
            blobs.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);
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
        services.AddHostedService<CommittedEntryTrimmer>();
        services.AddHostedService<RecordingUploader>();
        services.AddHostedService<RetentionService>();

        services.AddOptions<StatusPublishingOptions>()
            .Bind(configuration.GetSection(StatusPublishingOptions.SectionName))
            .Validate(o => o.IsValid, StatusPublishingOptions.Invalid)
            .ValidateOnStart();
        services.AddHostedService<WorkerStatusPublisher>();

        services.AddHealthChecks().AddCheck<PersistenceHealthCheck>("persistence");
        return builder;
    }
}
