using CallCenter.Ari.Connection;
using CallCenter.Ari.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallCenter.Ari;

public static class AriServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AriClient"/> (typed HttpClient) and the singleton <see cref="AriEventStream"/>, bound to
    /// <paramref name="section"/> (usually configuration.GetSection("Ari")). Returns the HttpClient builder so the
    /// host can add resilience or handlers.
    /// </summary>
    public static IHttpClientBuilder AddAriClient(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<AriOptions>().Bind(section);
        return services.AddAriClientCore();
    }

    public static IHttpClientBuilder AddAriClient(this IServiceCollection services, Action<AriOptions> configure)
    {
        services.AddOptions<AriOptions>().Configure(configure);
        return services.AddAriClientCore();
    }

    private static IHttpClientBuilder AddAriClientCore(this IServiceCollection services)
    {
        services.AddOptions<AriOptions>()
            .Validate(o => o.BaseUrl.IsAbsoluteUri, "Ari:BaseUrl must be an absolute URL such as http://127.0.0.1:8088/ari/.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Application), "Ari:Application must name the Stasis application.")
            .Validate(o => o.ReconnectInitialDelay > TimeSpan.Zero && o.ReconnectMaxDelay >= o.ReconnectInitialDelay,
                "Ari reconnect delays must be positive and ReconnectMaxDelay >= ReconnectInitialDelay.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AriEventStream>();
        return services.AddHttpClient<AriClient>((serviceProvider, httpClient) =>
        {
            var options = serviceProvider.GetRequiredService<IOptions<AriOptions>>().Value;
            httpClient.BaseAddress = options.NormalizedBaseUrl;
            httpClient.DefaultRequestHeaders.Authorization = AriBasicAuth.Create(options.Username, options.Password);
        });
    }
}
