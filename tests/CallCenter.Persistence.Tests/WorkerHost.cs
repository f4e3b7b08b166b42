using CallCenter.Persistence.Extensions;
using CallCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallCenter.Persistence.Tests;

/// <summary>The worker's real service wiring (AddApplicationServices), hosted in-process with test settings.</summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private readonly IHost _host;

    private WorkerHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <param name="logs">Also receives the worker's log, for tests about what it logs.</param>
    public static async Task<WorkerHost> StartAsync(WorkerSettings settings, ILoggerProvider? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings.ToConfiguration());
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TestRunLoggerProvider($"worker-{settings.ConsumerName}"));
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.AddApplicationServices();
        var host = builder.Build();
        await host.StartAsync();
        // Tests assert on the schema the worker creates; start them once it exists.
        await host.Services.GetRequiredService<DatabaseReadiness>().WaitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return new WorkerHost(host);
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
