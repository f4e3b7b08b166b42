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

    public static async Task<WorkerHost> StartAsync(WorkerSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings.ToConfiguration());
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TestRunLoggerProvider(settings.ConsumerName));
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

    /// <summary>Writes the worker's log lines into the test run's server log.</summary>
    private sealed class TestRunLoggerProvider(string name) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger($"worker-{name}", categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(string source, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) =>
                logLevel >= (category.StartsWith("CallCenter", StringComparison.Ordinal) ? LogLevel.Information : LogLevel.Warning);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    TestRun.Log(source, $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " | " + exception.GetBaseException().Message)}");
                }
            }
        }
    }
}
