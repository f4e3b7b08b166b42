using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace CallCenter.Testing;

/// <summary>
/// A real CallCenter service in-process, configured with environment-style settings the way the AppHost
/// configures it, its log lines written to the test run's server log under <paramref name="name"/>.
/// </summary>
public sealed class ServiceHost<TEntryPoint>(string name, IReadOnlyDictionary<string, string?> settings)
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    /// <summary>Builds the host, which starts its hosted services.</summary>
    public ServiceHost<TEntryPoint> Start()
    {
        _ = Server;
        return this;
    }

    public T Get<T>() where T : notnull => (T)Services.GetService(typeof(T))!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(new TestRunLoggerProvider(name));
        });
    }
}
