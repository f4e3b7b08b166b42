using CallCenter.AppHost.Setup;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Local;

/// <summary>Debian's redis-server with append-only persistence and a password, as a local process.</summary>
internal sealed class LocalRedisResource(string name, RedisServer server, ParameterResource password)
    : LocalServerResource(name, server), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{((RedisServer)Server).Port.ToString(System.Globalization.CultureInfo.InvariantCulture)},password={password}");
}

internal static class LocalRedisExtensions
{
    public const int WellKnownPort = 6379;

    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this Installation installation, IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> password)
    {
        var port = installation.Port(WellKnownPort);
        var server = new RedisServer(installation.RunFolder.ResourceDirectory(name), port, LocalServerResourceExtensions.Ignore, installation.ValueOf(password));
        return builder.AddLocalServer(new LocalRedisResource(name, server, password.Resource))
            .WithEndpoint(name: "tcp", port: port, targetPort: port, scheme: "tcp", isProxied: false)
            .WithIconName("Database");
    }
}
