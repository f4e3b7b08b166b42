using CallCenter.Api.Diagnostics;
using CallCenter.Api.Diagnostics.Checks;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Extensions;

internal static class DiagnosticsExtensions
{
    /// <summary>The call-path checks of the diagnostics query and the synthetic test call (runCallPathProbe).</summary>
    public static IHostApplicationBuilder AddCallPathDiagnostics(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiagnosticsOptions>()
            .Bind(builder.Configuration.GetSection(DiagnosticsOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiagnosticsOptions>, DiagnosticsOptionsValidator>();

        services.AddSingleton<ServiceStatusReader>();
        // Scoped like the ARI client they use (a typed HttpClient).
        services.AddScoped<IDiagnosticCheck, AriCheck>();
        services.AddScoped<IDiagnosticCheck, IngestionCheck>();
        services.AddScoped<IDiagnosticCheck, ChannelVariablesCheck>();
        services.AddScoped<IDiagnosticCheck, SipCheck>();
        services.AddScoped<IDiagnosticCheck, StreamCheck>();
        services.AddScoped<IDiagnosticCheck, WorkerCheck>();
        services.AddScoped<IDiagnosticCheck, ApiCheck>();
        services.AddScoped<DiagnosticsRunner>();

        services.AddSingleton<ProbeStore>();
        services.AddScoped<ProbeOriginator>();
        services.AddSingleton<CallPathProbeRunner>();
        return builder;
    }
}
