using System.Globalization;

namespace CallCenter.LocalServers;

/// <summary>
/// PostgreSQL 15 from Debian's packages. It refuses to run as root, so as root it runs as the
/// unprivileged `postgres` system user (setpriv execs, so the PID we hold is the postmaster itself).
/// </summary>
public sealed class PostgresServer(
    string dataDirectory,
    int port,
    string password,
    Action<string, string> output,
    bool durable = true) : LocalServer("postgres", dataDirectory, output)
{
    public const string SuperUser = "postgres";
    private const string ServiceUser = "postgres";

    public int Port { get; } = port;

    public string Password { get; } = password;

    private string ClusterDirectory => Path.Combine(DataDirectory, "cluster");

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username={SuperUser};Password={Password};Database={database}";

    public override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
        {
            RemoveStaleLock();
            return;
        }

        var passwordFile = Path.Combine(DataDirectory, "initdb-password");
        await File.WriteAllTextAsync(passwordFile, Password, cancellationToken).ConfigureAwait(false);
        try
        {
            if (UnixSignals.IsRoot)
            {
                await CommandRunner.RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", DataDirectory], cancellationToken)
                    .ConfigureAwait(false);
            }

            string[] initdb =
            [
                Prerequisites.PostgresBinary("initdb"), "-D", ClusterDirectory, "-U", SuperUser,
                "--auth=scram-sha-256", $"--pwfile={passwordFile}", "--encoding=UTF8", "--locale=C.UTF-8",
            ];
            await CommandRunner.RunAsync(AsServiceUser(initdb)[0], AsServiceUser(initdb)[1..], cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    public override LocalProcessSpec CreateSpec()
    {
        List<string> command =
        [
            Prerequisites.PostgresBinary("postgres"), "-D", ClusterDirectory,
            "-c", "listen_addresses=127.0.0.1",
            "-c", $"port={Port.ToString(CultureInfo.InvariantCulture)}",
            "-c", $"unix_socket_directories={DataDirectory}",
            "-c", "max_connections=200",
            "-c", "logging_collector=off",
        ];
        if (!durable)
        {
            // Throwaway test clusters trade crash safety for speed.
            command.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        var full = AsServiceUser([.. command]);
        return new LocalProcessSpec(Name, full[0], full[1..]) { StopSignal = UnixSignals.SigInt };
    }

    public override async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        // Accepting TCP is not enough: during recovery PostgreSQL answers "starting up".
        await CommandRunner.RunAsync(
            Prerequisites.PostgresBinary("pg_isready"),
            ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", SuperUser],
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    public override string Describe() => $"127.0.0.1:{Port}";

    /// <summary>
    /// A postmaster killed with SIGKILL leaves postmaster.pid behind. PostgreSQL ignores it when that PID is gone,
    /// but refuses to start when the PID now belongs to another process; a lock whose PID is no postgres is stale.
    /// </summary>
    private void RemoveStaleLock()
    {
        var lockFile = Path.Combine(ClusterDirectory, "postmaster.pid");
        if (!File.Exists(lockFile)
            || !int.TryParse(File.ReadLines(lockFile).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        var command = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/comm";
        if (!File.Exists(command) || File.ReadAllText(command).Trim() != "postgres")
        {
            File.Delete(lockFile);
        }
    }

    private static string[] AsServiceUser(string[] command) => UnixSignals.IsRoot
        ? ["setpriv", $"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", "--", .. command]
        : command;
}
