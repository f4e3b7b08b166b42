using System.Diagnostics;
using System.Globalization;
using CallCenter.LocalServers;
using CallCenter.Testing;
using CallCenter.Testing.Measurement;
using Npgsql;

/// <summary>
/// Asterisk's own cdr_pgsql module writing CDRs for real calls: the repository's PBX configuration plus
/// cdr_pgsql pointed at the benchmark's PostgreSQL, and sipp placing short calls (486 Busy, no media) as fast
/// as the requested rate. Measures how fast CDR rows land, which Asterisk's call setup bounds.
/// </summary>
internal static class CdrThroughAsterisk
{
    public static async Task<string> RunAsync(PostgresServer postgres, string database, int calls, double rate)
    {
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand("TRUNCATE cdr", connection).ExecuteNonQueryAsync();
        }

        var configuration = TestRun.NewDirectory("asterisk-cdr-config");
        foreach (var file in Directory.GetFiles(Path.Combine(Prerequisites.RepositoryRoot, "asterisk"), "*.conf"))
        {
            File.Copy(file, Path.Combine(configuration, Path.GetFileName(file)));
        }

        await File.AppendAllTextAsync(Path.Combine(configuration, "modules.conf"), "\nload = cdr_pgsql.so\n");
        await File.WriteAllTextAsync(Path.Combine(configuration, "cdr_pgsql.conf"), string.Create(CultureInfo.InvariantCulture, $"""
            [global]
            hostname = 127.0.0.1
            port = {postgres.Port}
            dbname = bench
            user = {PostgresServer.SuperUser}
            password = {postgres.Password}
            table = cdr
            """));

        var settings = new AsteriskInstanceSettings(PortAllocator.GetFreePort(), PortAllocator.GetFreePort(alsoUdp: true), AsteriskSecrets.Generate());
        await using var asterisk = new AsteriskServer($"bench-cdr-{Environment.ProcessId}", settings, (_, _) => { }, configurationSource: configuration);
        await asterisk.StartAsync();

        var clock = Stopwatch.StartNew();
        var sipp = await new SippRunner("127.0.0.1", asterisk.SipPort, (_, _) => { }).PlaceCallsAsync(new SippCallOptions("2003")
        {
            Scenario = SippScenario.ExpectFinalResponse,
            ExpectedStatus = 486,
            Calls = calls,
            Rate = rate,
            Timeout = TimeSpan.FromSeconds((calls / rate) + 120),
        });

        long rows = 0;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            rows = (long)(await new NpgsqlCommand("SELECT count(*) FROM cdr", connection).ExecuteScalarAsync())!;
            if (rows >= sipp.Successful)
            {
                break;
            }

            await Task.Delay(100);
        }

        var elapsed = clock.Elapsed;
        return string.Create(CultureInfo.InvariantCulture,
            $"| Asterisk's cdr_pgsql module, real calls: {sipp.Successful:N0} of {calls:N0} sipp calls (486 Busy) offered at {rate:N0}/s → {rows:N0} CDR rows | {elapsed.TotalSeconds:0.0} | {rows / elapsed.TotalSeconds:N0} | — | — | — | {MachineInfo.Load()} (at the end) | — |");
    }
}
