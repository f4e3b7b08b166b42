using CallCenter.Ari;
using CallCenter.Ingestion.AriEvents;
using CallCenter.Contracts.Diagnostics;
using CallCenter.Ingestion.Bridging;
using CallCenter.Ingestion.Diagnostics;
using CallCenter.Ingestion.Telemetry;
using CallCenter.Ingestion.Health;
using CallCenter.Ingestion.Streaming;

namespace CallCenter.Ingestion.Extensions;

internal static class IngestionServiceExtensions
{
    /// <summary>Connection string name, as the AppHost passes it (ConnectionStrings__redis).</summary>
    private const string RedisConnectionName = "redis";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestionOptions>()
            .Bind(builder.Configuration.GetSection(IngestionOptions.SectionName))
            .Validate(o => o.BufferCapacity > 0 && o.WriteBatchSize > 0, "Buffer capacity and batch size must be positive.")
            .ValidateOnStart();

        services.AddAriClient(builder.Configuration.GetSection(AriOptions.SectionName));

        // Starts even while Redis is down (the integration's default): events are buffered and written when it is back.
        // StackExchange.Redis 3 has no SocketManager to choose (2.x was told to use the thread pool rather than its own threads).
        // No span per Redis command by default: the instrumentation's profiler holds every command until its flush,
        // which at 20,000 XADD/s cost about 100 MB and CPU per event (measured 2026-11-29); the service traces its own
        // batches. Aspire:StackExchange:Redis:DisableTracing=false turns them on.
        builder.AddRedisClient(RedisConnectionName, settings => settings.DisableTracing = builder.Configuration.GetValue("Aspire:StackExchange:Redis:DisableTracing", true));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton<EntryBuffer>();
        services.AddSingleton<StreamWriterState>();
        services.AddSingleton<StasisContinuationQueue>();
        services.AddSingleton<CallBridgeQueue>();
        services.AddSingleton<StasisEventRouter>();
        services.AddSingleton<ChannelSnapshotTaker>();
        services.AddHostedService<RedisStreamWriter>();
        services.AddHostedService<StasisContinuer>();
        services.AddHostedService<AnsweredCallBridger>();
        services.AddHostedService<AriEventPump>();

        services.AddOptions<StatusPublishingOptions>()
            .Bind(builder.Configuration.GetSection(StatusPublishingOptions.SectionName))
            .Validate(o => o.IsValid, StatusPublishingOptions.Invalid)
            .ValidateOnStart();
        services.AddSingleton<IngestionActivity>();
        services.AddHostedService<IngestionStatusPublisher>();

        services.AddHealthChecks()
            .AddCheck<AriConnectionHealthCheck>("ari")
            .AddCheck<StreamWriterHealthCheck>("redis-stream");

        return builder;
    }
}
