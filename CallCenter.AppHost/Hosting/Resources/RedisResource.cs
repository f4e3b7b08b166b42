using CallCenter.AppHost.Hosting.Containers;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Hosting.Resources;

/// <summary>Redis with append-only persistence and a generated password.</summary>
public sealed class RedisResource(string name) : Resource(name), IResourceWithConnectionString
{
    public const int PreferredPort = 6379;
    public const string ContainerImage = "docker.io/library/redis:7.0";

    public override string Kind => "Redis";

    public int Port { get; private set; }

    public string Password { get; private set; } = "";

    /// <summary>StackExchange.Redis configuration, as Aspire passes it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},password={Password}";

    internal override void Bind(RunContext context)
    {
        Port = context.Ports.Get(Name, PreferredPort);
        Password = context.Secrets.RedisPassword;
        var data = context.DataFolder.ResourceDirectory(Name);
        Server = context.Mode == ExecutionMode.Container
            ? new ContainerServer(Name, data, context.RequireContainerRuntime(), ContainerSpecFor(context, data), ct => Readiness.TcpAcceptsAsync(Port, ct), $"127.0.0.1:{Port}", context.Output.Log)
            : new RedisServer(data, Port, context.Output.Log, Password);
    }

    internal ContainerSpec ContainerSpecFor(RunContext context, string dataDirectory) => new($"callcenter-{context.Secrets.InstallationId}-{Name}", ContainerImage)
    {
        Ports = [new PortMapping(Port, 6379)],
        Volumes = [new VolumeMount(dataDirectory, "/data")],
        SecretEnvironment = new Dictionary<string, string> { ["REDIS_PASSWORD"] = Password },
        // The shell reads the password from the environment so that it is not in any command line.
        Command = ["sh", "-c", "exec redis-server --appendonly yes --save '' --requirepass \"$REDIS_PASSWORD\""],
        Labels = ContainerLabels.For(context, Name),
    };

    internal override IEnumerable<ResourceEndpoint> DescribeEndpoints() => [new("tcp", $"127.0.0.1:{Port}", $"connection string {ConnectionString}")];
}
