using CallCenter.Ingestion;
using CallCenter.Persistence;
using CallCenter.Persistence.Extensions;
using CallCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// The whole product against a real Asterisk: the ingestion service (ARI → Redis stream), the persistence worker
/// (stream → PostgreSQL, change notices) and the API, each with its real wiring, in-process, over a database,
/// stream and notice channel of their own.
/// </summary>
public sealed class CallPipeline : IAsyncDisposable
{
    private IHost? _worker;
    // Every service's Program is a global type; any public type of the ingestion assembly names its entry point.
    private ServiceHost<IngestionOptions>? _ingestion;

    private CallPipeline(ApiFactory api) => Api = api;

    public ApiFactory Api { get; private set; }

    /// <summary>
    /// Stops the API (its WebSockets close); <see cref="StartApiAgain"/> then starts a new instance with the same settings
    /// on the same port, as a restarted or redeployed API comes back where its clients expect it.
    /// </summary>
    public async Task StopApiAsync() => await Api.DisposeAsync();

    public void StartApiAgain()
    {
        Api = new ApiFactory(Api.Settings, port: Api.BaseAddress.Port);
        Api.Start();
    }

    public static async Task<CallPipeline> StartAsync(ApiFixture fixture, AsteriskFixture asterisk)
    {
        var database = await fixture.Postgres.CreateDatabaseAsync("control");
        var stream = $"control:{Guid.NewGuid():N}";
        var notices = stream + ":changes";
        var ari = new Dictionary<string, string?>
        {
            ["Ari:BaseUrl"] = asterisk.Server.AriBaseUrl.AbsoluteUri,
            ["Ari:Username"] = asterisk.Server.AriUsername,
            ["Ari:Password"] = asterisk.Server.AriPassword,
        };

        var pipeline = new CallPipeline(new ApiFactory(fixture.Settings(new Dictionary<string, string?>(ari)
        {
            ["ConnectionStrings:callcenterdb"] = database,
            ["LiveUpdates:Channel"] = notices,
            // The pipeline's Asterisk is a throwaway instance: supervisors may place test calls into it.
            ["TestCalls:Enabled"] = "true",
        })));
        try
        {
            pipeline._worker = await StartWorkerAsync(new Dictionary<string, string?>(ari)
            {
                ["ConnectionStrings:callcenterdb"] = database,
                ["ConnectionStrings:redis"] = fixture.Redis.ConnectionString,
                ["ConnectionStrings:blobs"] = fixture.Azurite.ConnectionString,
                ["Persistence:StreamName"] = stream,
                ["Persistence:DeadLetterStreamName"] = stream + ":dead",
                ["Persistence:NoticeChannel"] = notices,
                ["Persistence:ConsumerGroup"] = "persistence",
                ["Persistence:ConsumerName"] = "control-e2e",
                ["Persistence:PollInterval"] = "00:00:00.050",
                ["Persistence:InitialRetryDelay"] = "00:00:00.200",
                ["Persistence:MaxRetryDelay"] = "00:00:01",
                ["Recordings:Enabled"] = "false",
            });
            pipeline.Api.Start();

            pipeline._ingestion = new ServiceHost<IngestionOptions>("ingestion", IngestionSettings.For(
                fixture.Redis.ConnectionString, asterisk.Server.AriBaseUrl, asterisk.Server.AriUsername, asterisk.Server.AriPassword, stream)).Start();

            // The ingestion service writes a snapshot entry once its ARI socket is up: from then on no call is missed.
            var redis = fixture.Redis.Connection.GetDatabase();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (!(await redis.StreamRangeAsync(stream)).Any(e => e["k"] == "snapshot"))
            {
                Assert.True(DateTime.UtcNow < deadline, "the ingestion service did not connect to ARI within 90 s");
                await Task.Delay(200);
            }

            return pipeline;
        }
        catch
        {
            await pipeline.DisposeAsync();
            throw;
        }
    }

    private static async Task<IHost> StartWorkerAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TestRunLoggerProvider("worker"));
        PersistenceServiceExtensions.AddApplicationServices(builder);
        var host = builder.Build();
        await host.StartAsync();
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await host.Services.GetRequiredService<DatabaseReadiness>().WaitAsync(ready.Token);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (_ingestion is not null)
        {
            await _ingestion.DisposeAsync();
        }

        if (_worker is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _worker.StopAsync(timeout.Token);
            _worker.Dispose();
        }

        await Api.DisposeAsync();
    }
}
