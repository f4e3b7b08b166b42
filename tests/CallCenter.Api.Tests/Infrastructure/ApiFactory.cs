using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>The real API (its Program) on Kestrel at 127.0.0.1 and a free port, with test configuration.</summary>
// Any public type of the API assembly names its entry point (the persistence worker's Program is visible here too).
public sealed class ApiFactory : WebApplicationFactory<CallCenter.Api.Transport.GraphQLHttpHandler>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly ILoggerProvider? _logs;

    /// <param name="logs">Also receives the API's log, for tests about what it logs.</param>
    /// <param name="port">A fixed port (an API restarted where the browser expects it), or 0 for a free one.</param>
    public ApiFactory(IReadOnlyDictionary<string, string?> settings, string environment = "Production", ILoggerProvider? logs = null, int port = 0)
    {
        _settings = settings;
        _environment = environment;
        _logs = logs;
        Settings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    /// <summary>The configuration this instance was started with.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return BaseAddress;
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public Uri WebSocketUri => new($"ws://{BaseAddress.Authority}/graphql");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // Host settings are visible while Program registers its services (the Aspire client integrations read their
        // connection strings then); the same values as app configuration still win over appsettings.json afterwards.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
        if (_logs is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(_logs));
        }
    }
}
