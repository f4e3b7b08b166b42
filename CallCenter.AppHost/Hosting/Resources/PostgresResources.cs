using CallCenter.AppHost.Hosting.Containers;
using CallCenter.LocalServers;
using Npgsql;

namespace CallCenter.AppHost.Hosting.Resources;

/// <summary>A PostgreSQL 15 server: Debian's binaries as a local process, or the official image.</summary>
public sealed class PostgresServerResource(string name) : Resource(name), IResourceWithConnectionString
{
    public const int PreferredPort = 5432;
    public const string ContainerImage = "docker.io/library/postgres:15";
    private const string ServiceUser = "postgres";

    public override string Kind => "PostgreSQL";

    public int Port { get; private set; }

    public string Password { get; private set; } = "";

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={PostgresServer.SuperUser};Password={Password}";

    internal string DataDirectory { get; private set; } = "";

    internal override void Bind(RunContext context)
    {
        Port = context.Ports.Get(Name, PreferredPort);
        Password = context.Secrets.PostgresPassword;
        DataDirectory = ChooseDataDirectory(context);
        Server = context.Mode == ExecutionMode.Container
            ? new ContainerServer(Name, DataDirectory, context.RequireContainerRuntime(), ContainerSpecFor(context), ProbeAsync, $"127.0.0.1:{Port}", context.Output.Log)
            : new PostgresServer(DataDirectory, Port, Password, context.Output.Log, durable: true);
    }

    internal ContainerSpec ContainerSpecFor(RunContext context) => new($"callcenter-{context.Secrets.InstallationId}-{Name}", ContainerImage)
    {
        Ports = [new PortMapping(Port, 5432)],
        // The same folder (and cluster subfolder) as the local process uses: switching modes keeps the data.
        Volumes = [new VolumeMount(DataDirectory, "/var/lib/postgresql/data")],
        Environment = new Dictionary<string, string>
        {
            ["PGDATA"] = "/var/lib/postgresql/data/cluster",
            ["POSTGRES_USER"] = PostgresServer.SuperUser,
        },
        SecretEnvironment = new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = Password },
        Labels = ContainerLabels.For(context, Name),
    };

    internal override IEnumerable<ResourceEndpoint> DescribeEndpoints() =>
        [new("tcp", $"127.0.0.1:{Port}", $"user {PostgresServer.SuperUser}, password {Password}")];

    internal override IEnumerable<string> ExternalDataFolders(RunContext context) =>
        context.State.PostgresDataOverride is { } outside ? [Path.GetDirectoryName(outside)!] : [];

    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString + ";Database=postgres;Pooling=false;Timeout=3");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// As root, PostgreSQL runs as the `postgres` user, which must be able to enter every folder above its
    /// cluster. A checkout under a private folder (e.g. /root) does not allow that; rather than loosening
    /// permissions on the user's folders, the cluster then lives in /var/lib/callcenter/&lt;installation&gt;/.
    /// </summary>
    private string ChooseDataDirectory(RunContext context)
    {
        var inside = context.DataFolder.ResourceDirectory(Name);
        if (context.Mode == ExecutionMode.Container || !UnixSignals.IsRoot)
        {
            return inside;
        }

        if (context.State.PostgresDataOverride is { } remembered)
        {
            context.Output.Info($"{Name}: data is kept in {remembered} (the `{ServiceUser}` user cannot enter {context.DataFolder.Root})");
            return remembered;
        }

        if (CanServiceUserEnter(Path.GetDirectoryName(inside)!))
        {
            return inside;
        }

        var outside = Path.Combine("/var/lib/callcenter", context.Secrets.InstallationId, Name);
        Directory.CreateDirectory(outside);
        foreach (var folder in new[] { "/var/lib/callcenter", Path.GetDirectoryName(outside)! })
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }

        context.State.PostgresDataOverride = outside;
        context.Output.Warn(
            $"{Name}: the `{ServiceUser}` user cannot enter {context.DataFolder.Root} (a folder above it is private), " +
            $"so the cluster is kept in {outside}; --reset removes it too");
        return outside;
    }

    internal static bool CanServiceUserEnter(string folder)
    {
        try
        {
            CommandRunner.RunAsync(
                    "setpriv",
                    [$"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", "--", "test", "-x", folder],
                    CancellationToken.None)
                .GetAwaiter().GetResult();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>A database inside a PostgreSQL server; created when missing once the server is ready.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource server)
    : Resource(name), IResourceWithConnectionString
{
    public override string Kind => "Database";

    public override Resource Parent => server;

    public string DatabaseName { get; } = databaseName;

    public string ConnectionString => $"{server.ConnectionString};Database={DatabaseName}";

    internal override async Task OnReadyAsync(RunContext context, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString + ";Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = DatabaseName } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            // Identifiers cannot be parameters; the name is ours (from Program.cs), quoted anyway.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            context.Output.Info($"{Name}: created database {DatabaseName}");
        }
    }

    internal override IEnumerable<ResourceEndpoint> DescribeEndpoints() => [new("connection string", ConnectionString)];
}
