using CallCenter.Ari;
using CallCenter.Ingestion.Ari;
using CallCenter.Ingestion.Bridging;
using CallCenter.Ingestion.Diagnostics;
using CallCenter.Ingestion.Health;
using CallCenter.Ingestion.Streaming;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class IngestionServiceExtensions
{
    /// <summary>Connection string name, as the AppHost passes it (ConnectionStrings__redis).</summary>
    public const string RedisConnectionName = "redis";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CallCenter.Ingestion.IngestionOptions>()
            .Bind(builder.Configuration.GetSection(CallCenter.Ingestion.IngestionOptions.SectionName))
            .Validate(o => o.BufferCapacity > 0 && o.WriteBatchSize > 0, "Buffer capacity and batch size must be positive.")
            .ValidateOnStart();

        services.AddAriClient(builder.Configuration.GetSection(AriOptions.SectionName));

        services.AddSingleton<IConnectionMultiplexer>(serviceProvider =>
        {
            var redisConnection = serviceProvider.GetRequiredService<IConfiguration>().GetConnectionString(RedisConnectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{RedisConnectionName} is not configured.");
            var options = ConfigurationOptions.Parse(redisConnection);
            // Start even while Redis is down: events are buffered and written when it is back.
            options.AbortOnConnectFail = false;
            // One connection's replies do not need dedicated threads handing work to each other on 2 cores.
            options.SocketManager = SocketManager.ThreadPool;
            return ConnectionMultiplexer.Connect(options);
        });

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

        services.AddHealthChecks()
            .AddCheck<AriConnectionHealthCheck>("ari")
            .AddCheck<StreamWriterHealthCheck>("redis-stream");

        return builder;
    }
}
