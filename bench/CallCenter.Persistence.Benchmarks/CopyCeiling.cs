using System.Diagnostics;
using System.Globalization;
using CallCenter.Testing.Measurement;
using Npgsql;
using static BenchDatabase;

/// <summary>PostgreSQL's COPY ceiling: the rows the worker wrote, exported and imported again by binary COPY.</summary>
internal static class CopyCeiling
{
    private const string EventColumns = "call_id, event_id, stream_id, type, occurred_at, received_at, channel_id, details";

    public static async Task<BenchResult> RunAsync(string database, int postmaster)
    {
        // No command timeout: on a busy machine one COPY of a million rows can take longer than Npgsql's default 30 s.
        await using var connection = new NpgsqlConnection(database + ";Command Timeout=0");
        await connection.OpenAsync();
        // Same columns, indexes, constraints and foreign keys as the worker's tables, on the same server.
        await ExecuteAsync(
            connection,
            """
            CREATE TABLE copy_calls (LIKE calls INCLUDING ALL);
            CREATE TABLE copy_call_legs (LIKE call_legs INCLUDING ALL, FOREIGN KEY (call_id) REFERENCES copy_calls (id) ON DELETE CASCADE);
            CREATE TABLE copy_call_events (LIKE call_events INCLUDING ALL, FOREIGN KEY (call_id) REFERENCES copy_calls (id) ON DELETE CASCADE);
            """);

        var callsData = await ExportAsync(connection, "COPY calls TO STDOUT (FORMAT BINARY)");
        var legsData = await ExportAsync(connection, "COPY call_legs TO STDOUT (FORMAT BINARY)");
        var eventsData = await ExportAsync(connection, $"COPY call_events ({EventColumns}) TO STDOUT (FORMAT BINARY)");
        var calls = await ScalarAsync(connection, "SELECT count(*) FROM calls");
        var events = await ScalarAsync(connection, "SELECT count(*) FROM call_events");

        var load = MachineInfo.Load();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var postgresCpu = ProcessSampler.CpuSeconds(postmaster, withChildren: true);
        var machine = MachineCpu.Now();
        var stopwatch = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await ImportAsync(connection, "COPY copy_calls FROM STDIN (FORMAT BINARY)", callsData);
            await ImportAsync(connection, "COPY copy_call_legs FROM STDIN (FORMAT BINARY)", legsData);
            await ImportAsync(connection, $"COPY copy_call_events ({EventColumns}) FROM STDIN (FORMAT BINARY)", eventsData);
            await transaction.CommitAsync();
        }

        var elapsed = stopwatch.Elapsed;
        var busy = BenchResult.Busy(machine, elapsed);
        clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - clientCpu;
        postgresCpu = ProcessSampler.CpuSeconds(postmaster, withChildren: true) - postgresCpu;
        if (await ScalarAsync(connection, "SELECT count(*) FROM copy_call_events") != events)
        {
            throw new InvalidOperationException("COPY did not store every event row.");
        }

        // The next run (or the CDR step) starts from the same server state.
        await ExecuteAsync(connection, "DROP TABLE copy_call_events, copy_call_legs, copy_calls");
        Console.WriteLine($"COPY: {calls:N0} calls (+ legs), {events:N0} events in {elapsed.TotalSeconds:0.0} s; load average {load} → {MachineInfo.Load()}");
        var rate = events / elapsed.TotalSeconds;
        var row = string.Create(
            CultureInfo.InvariantCulture,
            $"| PostgreSQL COPY ceiling: the same calls, call_legs and call_events rows (binary COPY, one transaction, same indexes and FKs) | {elapsed.TotalSeconds:0.0} | {calls / elapsed.TotalSeconds:N0} | {rate:N0} | {clientCpu * 1e6 / events:0} / {postgresCpu * 1e6 / events:0} / — | — | {load} | {busy} |");
        return new BenchResult(row, rate);
    }

    private static async Task<byte[]> ExportAsync(NpgsqlConnection connection, string copy)
    {
        using var buffer = new MemoryStream();
        await using (var source = await connection.BeginRawBinaryCopyAsync(copy))
        {
            await source.CopyToAsync(buffer);
        }

        return buffer.ToArray();
    }

    private static async Task ImportAsync(NpgsqlConnection connection, string copy, byte[] data)
    {
        await using var target = await connection.BeginRawBinaryCopyAsync(copy);
        await target.WriteAsync(data);
    }
}
