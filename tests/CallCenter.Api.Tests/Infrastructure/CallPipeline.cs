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

    private CallPipeline(ApiFactory api, Dictionary<string, string?> apiSettings, string stream)
    {
        Api = api;
        _apiSettings = apiSettings;
        Stream = stream;
    }

    private readonly Dictionary<string, string?> _apiSettings;

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

    /// <summary>The event stream of this pipeline (the ingestion service's, the worker's and the diagnostics').</summary>
    public string Stream { get; }

    /// <summary>The API's settings with <paramref name="overrides"/>, for another API instance over this pipeline.</summary>
    public Dictionary<string, string?> ApiSettings(IReadOnlyDictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>(_apiSettings);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <param name="apiOverrides">Settings of the API that differ from the pipeline's (e.g. diagnostics thresholds).</param>
    public static async Task<CallPipeline> StartAsync(ApiFixture fixture, AsteriskFixture asterisk, IReadOnlyDictionary<string, string?>? apiOverrides = null)
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

        var apiSettings = fixture.Settings(new Dictionary<string, string?>(ari)
        {
            ["ConnectionStrings:callcenterdb"] = database,
            ["LiveUpdates:Channel"] = notices,
            // The pipeline's Asterisk is a throwaway instance: supervisors may place test calls into it.
            ["TestCalls:Enabled"] = "true",
            ["Diagnostics:StreamName"] = stream,
            ["Diagnostics:DeadLetterStreamName"] = stream + ":dead",
            ["Diagnostics:ConsumerGroup"] = "persistence",
            ["Diagnostics:StatusStaleAfter"] = "00:00:05",
        });
        foreach (var (key, value) in apiOverrides ?? new Dictionary<string, string?>())
        {
            apiSettings[key] = value;
        }

        var pipeline = new CallPipeline(new ApiFactory(apiSettings), apiSettings, stream);
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
                ["Diagnostics:StatusInterval"] = "00:00:01",
            });
            pipeline.Api.Start();

            var ingestion = IngestionSettings.For(
                fixture.Redis.ConnectionString, asterisk.Server.AriBaseUrl, asterisk.Server.AriUsername, asterisk.Server.AriPassword, stream);
            ingestion["Diagnostics:StatusInterval"] = "00:00:01";
            pipeline._ingestion = new ServiceHost<IngestionOptions>("ingestion", ingestion).Start();

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

    /// <summary>Stops the persistence worker (an outage); the rest of the pipeline keeps running.</summary>
    public async Task StopWorkerAsync()
    {
        if (_worker is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _worker.StopAsync(timeout.Token);
            _worker.Dispose();
            _worker = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ingestion is not null)
        {
            await _ingestion.DisposeAsync();
        }

        await StopWorkerAsync();
        await Api.DisposeAsync();
    }
}
