using System.Diagnostics;
using System.Globalization;
using CallCenter.Testing;
using CallCenter.Testing.Measurement;
using Npgsql;
using static BenchDatabase;

/// <summary>cdr_pgsql's way of writing the same calls, replayed: one INSERT per CDR, literal values, autocommit.</summary>
internal static class CdrInsertReplay
{
    public static async Task<BenchResult> RunAsync(string database, int calls, int postmaster)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        // Asterisk's PostgreSQL CDR table (contrib/scripts and the cdr_pgsql documentation).
        await ExecuteAsync(
            connection,
            """
            CREATE TABLE cdr (
                calldate timestamp with time zone NOT NULL DEFAULT now(),
                clid varchar(80) NOT NULL DEFAULT '', src varchar(80) NOT NULL DEFAULT '', dst varchar(80) NOT NULL DEFAULT '',
                dcontext varchar(80) NOT NULL DEFAULT '', channel varchar(80) NOT NULL DEFAULT '', dstchannel varchar(80) NOT NULL DEFAULT '',
                lastapp varchar(80) NOT NULL DEFAULT '', lastdata varchar(80) NOT NULL DEFAULT '', duration bigint NOT NULL DEFAULT 0,
                billsec bigint NOT NULL DEFAULT 0, disposition varchar(45) NOT NULL DEFAULT '', amaflags bigint NOT NULL DEFAULT 0,
                accountcode varchar(20) NOT NULL DEFAULT '', uniqueid varchar(150) NOT NULL DEFAULT '', userfield varchar(255) NOT NULL DEFAULT '',
                peeraccount varchar(20) NOT NULL DEFAULT '', linkedid varchar(150) NOT NULL DEFAULT '', sequence integer NOT NULL DEFAULT 0
            );
            """);

        var load = MachineInfo.Load();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var postgresCpu = ProcessSampler.CpuSeconds(postmaster, withChildren: true);
        var machine = MachineCpu.Now();
        var stopwatch = Stopwatch.StartNew();
        var epoch = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
        for (var call = 1; call <= calls; call++)
        {
            // cdr_pgsql's statement: every column of the table in order, values as escaped literals (PQescapeStringConn),
            // numbers unquoted, sent with PQexec outside any transaction block: one statement, one commit per CDR.
            var start = epoch.AddMilliseconds(call * 37L);
            var uniqueId = string.Create(CultureInfo.InvariantCulture, $"{new DateTimeOffset(start).ToUnixTimeSeconds()}.{call}");
            var caller = RealisticCallEvents.CallerNumber(call);
            var sql = string.Create(
                CultureInfo.InvariantCulture,
                $"INSERT INTO cdr (calldate,clid,src,dst,dcontext,channel,dstchannel,lastapp,lastdata,duration,billsec,disposition,amaflags,accountcode,uniqueid,userfield,peeraccount,linkedid,sequence) VALUES ('{start:yyyy-MM-dd HH:mm:ss}','\"\" <{caller}>','{caller}','2000','from-external','PJSIP/trunk-{call:x8}','','Echo','',9,9,'ANSWERED',3,'','{uniqueId}','','','{uniqueId}',{call})");
            await ExecuteAsync(connection, sql);
        }

        var elapsed = stopwatch.Elapsed;
        var busy = BenchResult.Busy(machine, elapsed);
        clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - clientCpu;
        postgresCpu = ProcessSampler.CpuSeconds(postmaster, withChildren: true) - postgresCpu;
        var events = (long)calls * RealisticCallEvents.ForCall(1).Count();
        Console.WriteLine($"cdr_pgsql-shaped inserts: {calls:N0} CDRs in {elapsed.TotalSeconds:0.0} s; load average {load} → {MachineInfo.Load()}");
        var row = string.Create(
            CultureInfo.InvariantCulture,
            $"| cdr_pgsql's statement replayed: one INSERT per CDR, literal values, autocommit, one connection (1 CDR per call, no timeline) | {elapsed.TotalSeconds:0.0} | {calls / elapsed.TotalSeconds:N0} | — ({events / elapsed.TotalSeconds:N0} event-equivalents) | {clientCpu * 1e6 / events:0} / {postgresCpu * 1e6 / events:0} / — | — | {load} | {busy} |");
        return new BenchResult(row, events / elapsed.TotalSeconds);
    }
}
