using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using CallCenter.AppHost.Setup;
using CallCenter.LocalServers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CallCenter.AppHost.Local;

/// <summary>Debian's PostgreSQL 15 as a local process (as root: as the `postgres` user, initdb included).</summary>
internal sealed class LocalPostgresResource(string name, PostgresServer server, ParameterResource password)
    : LocalServerResource(name, server), IResourceWithConnectionString
{
    public PostgresServer Postgres => (PostgresServer)Server;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Postgres.Port.ToString(CultureInfo.InvariantCulture)};Username={PostgresServer.SuperUser};Password={password}");
}

/// <summary>A database of a local PostgreSQL, created when missing once the server is ready (as AddDatabase does).</summary>
internal sealed class LocalPostgresDatabaseResource(string name, string databaseName, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public LocalPostgresResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

internal static class LocalPostgresExtensions
{
    public const int WellKnownPort = 5432;
    private const string ServiceUser = "postgres";
    private const string OutsideRoot = "/var/lib/callcenter";

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddLocalPostgres(
        this Installation installation, IDistributedApplicationBuilder builder, string serverName, string databaseName, IResourceBuilder<ParameterResource> password)
    {
        var port = installation.Port(WellKnownPort);
        var server = new PostgresServer(DataDirectory(installation.RunFolder, serverName), port, installation.ValueOf(password), LocalServerResourceExtensions.Ignore);
        var postgres = builder.AddLocalServer(new LocalPostgresResource(serverName, server, password.Resource))
            .WithEndpoint(name: "tcp", port: port, targetPort: port, scheme: "tcp", isProxied: false)
            .WithIconName("DatabaseStack");

        var database = new LocalPostgresDatabaseResource(databaseName, databaseName, postgres.Resource);
        var healthCheck = $"{databaseName}-exists";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheck, async cancellationToken =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(server.ConnectionString(databaseName) + ";Pooling=false;Timeout=3");
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                return HealthCheckResult.Healthy();
            }
            catch (NpgsqlException exception)
            {
                return HealthCheckResult.Unhealthy(exception.Message);
            }
        });
        postgres.OnResourceReady((_, _, cancellationToken) => CreateDatabaseAsync(server, databaseName, cancellationToken));
        return builder.AddChildOf(postgres, database, healthCheck, "PostgresDatabaseResource");
    }

    /// <summary>Folders of this installation kept outside its data folder (see <see cref="DataDirectory"/>), for --reset.</summary>
    public static IEnumerable<string> FoldersOutside(DataFolder folder) => [Path.Combine(OutsideRoot, folder.InstallationId)];

    private static async Task CreateDatabaseAsync(PostgresServer server, string databaseName, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString() + ";Pooling=false");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = databaseName } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            // Identifiers cannot be parameters; the name is ours (from Program.cs), quoted anyway.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// As root, PostgreSQL runs as the `postgres` user, which must be able to enter every folder above its cluster.
    /// A checkout under a private folder (e.g. /root) does not allow that; rather than loosening permissions on the
    /// user's folders, the cluster then lives in /var/lib/callcenter/&lt;installation&gt;/ (--reset removes it too).
    /// </summary>
    private static string DataDirectory(DataFolder folder, string serverName)
    {
        var inside = folder.ResourceDirectory(serverName);
        Directory.CreateDirectory(Path.GetDirectoryName(inside)!);
        if (!UnixSignals.IsRoot || CanServiceUserEnter(Path.GetDirectoryName(inside)!))
        {
            return inside;
        }

        var outside = Path.Combine(OutsideRoot, folder.InstallationId, serverName);
        Directory.CreateDirectory(outside);
        foreach (var level in new[] { OutsideRoot, Path.GetDirectoryName(outside)! })
        {
            File.SetUnixFileMode(level, (UnixFileMode)0b111_101_101);
        }

        Console.WriteLine($"{serverName}: the `{ServiceUser}` user cannot enter {folder.Root}, so the cluster is kept in {outside} (--reset removes it)");
        return outside;
    }

    private static bool CanServiceUserEnter(string folder)
    {
        try
        {
            CommandRunner.RunAsync("setpriv", [$"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", "--", "test", "-x", folder], CancellationToken.None)
                .GetAwaiter().GetResult();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
