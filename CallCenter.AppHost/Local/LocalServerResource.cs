using Microsoft.Extensions.DependencyInjection;
using CallCenter.LocalServers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallCenter.AppHost.Local;

/// <summary>
/// A server from src/CallCenter.LocalServers run by Aspire's orchestrator (DCP) as an executable: the same command,
/// preparation (initdb, configuration files) and readiness probe the test harness uses. DCP watches the AppHost
/// and stops these processes when it ends, even after kill -9. Each command runs the server itself in the
/// foreground (exec chains keep one PID), so stopping that PID stops everything it started.
/// </summary>
internal class LocalServerResource(string name, LocalServer server)
    : ExecutableResource(name, server.CreateSpec().FileName, server.CreateSpec().WorkingDirectory ?? server.DataDirectory)
{
    public LocalServer Server { get; } = server;

    /// <summary>The health check key that reports the server ready (its probe).</summary>
    public string HealthCheckKey => $"{Name}-ready";
}

internal static class LocalServerResourceExtensions
{
    /// <summary>Declares <paramref name="resource"/>: its arguments and environment, preparation before every start, its probe as health check.</summary>
    public static IResourceBuilder<T> AddLocalServer<T>(this IDistributedApplicationBuilder builder, T resource)
        where T : LocalServerResource
    {
        var spec = resource.Server.CreateSpec();
        builder.AddProbeHealthCheck(resource.HealthCheckKey, resource.Server);
        return builder.AddResource(resource)
            .WithArgs([.. spec.Arguments])
            .WithEnvironment(context =>
            {
                foreach (var (key, value) in spec.Environment)
                {
                    context.EnvironmentVariables[key] = value;
                }
            })
            .WithHealthCheck(resource.HealthCheckKey)
            .OnBeforeResourceStarted(async (server, _, cancellationToken) =>
            {
                Directory.CreateDirectory(server.Server.DataDirectory);
                await server.Server.PrepareAsync(cancellationToken).ConfigureAwait(false);
            })
            .ExcludeFromManifest();
    }

    /// <summary>Registers <paramref name="server"/>'s readiness probe as the health check <paramref name="key"/>.</summary>
    public static void AddProbeHealthCheck(this IDistributedApplicationBuilder builder, string key, LocalServer server) =>
        builder.Services.AddHealthChecks().AddAsyncCheck(key, async cancellationToken =>
        {
            try
            {
                return await Readiness.ProbeOnceAsync(server.ProbeAsync, cancellationToken).ConfigureAwait(false)
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"{server.Name} does not answer yet");
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy(exception.Message);
            }
        });

    /// <summary>
    /// Declares a resource that lives inside <paramref name="parent"/>'s server (a database, a blob service): it shows as
    /// running once the server is ready, and is healthy when its own <paramref name="healthCheckKey"/> says so.
    /// </summary>
    public static IResourceBuilder<T> AddChildOf<T>(this IDistributedApplicationBuilder builder, IResourceBuilder<LocalServerResource> parent, T child, string healthCheckKey, string resourceType)
        where T : IResource
    {
        parent.OnResourceReady((_, readyEvent, _) => readyEvent.Services.GetRequiredService<ResourceNotificationService>()
            .PublishUpdateAsync(child, state => state with { State = KnownResourceStates.Running }));
        return builder.AddResource(child)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = resourceType, State = KnownResourceStates.Waiting, Properties = [] })
            .WithHealthCheck(healthCheckKey)
            .WithParentRelationship(parent.Resource)
            .ExcludeFromManifest();
    }

    /// <summary>Output of local servers goes to DCP's logs (the dashboard), not through the harness's callback.</summary>
    public static void Ignore(string source, string line)
    {
    }
}
