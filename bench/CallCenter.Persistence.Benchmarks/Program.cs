using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CallCenter.Contracts;
using CallCenter.LocalServers;
using CallCenter.Testing;
using CallCenter.Testing.Measurement;
using Npgsql;
using StackExchange.Redis;

// Usage: dotnet run -c Release --project bench/CallCenter.Persistence.Benchmarks -- [--calls N | --events N] [--batch-size N] [--no-cdr] [--cdr-asterisk-calls N] [--cdr-asterisk-rate R] [--worker path/to/CallCenter.Persistence.dll]
// Replays N generated-but-realistic calls (RealisticCallEvents: ~22 ARI events each, shaped like Asterisk 22's)
// through a real Redis stream into a real PostgreSQL with the real persistence worker as its own process, then
// measures on the same server (a) PostgreSQL's COPY ceiling for the same rows and (b) cdr_pgsql's way of writing
// the same calls (one INSERT per CDR, autocommit). "--events 1000000" is the issue's "N million events".
var calls = 40_000;
int? batchSize = null;
var runCdr = true;
var cdrCalls = 0;
var cdrRate = 100.0;
string? workerOverride = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--calls":
            calls = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--events":
            calls = (int)Math.Ceiling(long.Parse(args[++i], CultureInfo.InvariantCulture) / (double)RealisticCallEvents.ForCall(1).Count());
            break;
        case "--batch-size":
            batchSize = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--cdr-asterisk-calls":
            cdrCalls = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--cdr-asterisk-rate":
            cdrRate = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--no-cdr":
            runCdr = false;
            break;
        case "--worker":
            // Another build of the worker (e.g. an older commit's) for before/after figures on the same harness.
            workerOverride = Path.GetFullPath(args[++i]);
            break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: [--calls N | --events N] [--batch-size N] [--no-cdr] [--cdr-asterisk-calls N] [--cdr-asterisk-rate R] [--worker path/to/CallCenter.Persistence.dll]");
            return 2;
    }
}

var configuration = typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
var workerDll = workerOverride ?? Path.Combine(Prerequisites.RepositoryRoot, "src", "CallCenter.Persistence", "bin", configuration, "net10.0", "CallCenter.Persistence.dll");
if (!File.Exists(workerDll))
{
    Console.Error.WriteLine($"Build the worker first (dotnet build -c {configuration}): {workerDll}");
    return 2;
}

Console.WriteLine($"Persistence benchmark: {Environment.ProcessorCount} cores, {MachineInfo.Describe()}; load average at start {MachineInfo.Load()}");

// A durable cluster (fsync on, as in production): the worker, COPY and the CDR inserts all write to it.
await using var postgres = new PostgresServer(TestRun.NewDirectory("bench-postgres"), PortAllocator.GetFreePort(), TestRun.NewSecret(), (_, _) => { });
await using var redisServer = new RedisServer(TestRun.NewDirectory("bench-redis"), PortAllocator.GetFreePort(), (_, _) => { });
await Task.WhenAll(postgres.StartAsync(), redisServer.StartAsync());
await using (var admin = new NpgsqlConnection(postgres.ConnectionString()))
{
    await admin.OpenAsync();
    await new NpgsqlCommand("CREATE DATABASE bench", admin).ExecuteNonQueryAsync();
}

var database = postgres.ConnectionString("bench");
using var redis = await ConnectionMultiplexer.ConnectAsync(redisServer.ConnectionString);
var stream = "bench:ari-events";
var events = await FeedAsync(redis.GetDatabase(), stream, calls);
Console.WriteLine($"Stream filled: {calls:N0} calls, {events:N0} events; load average {MachineInfo.Load()}");

// 1. The worker.
var worker = await RunWorkerAsync(workerDll, database, redisServer.ConnectionString, stream, batchSize, postgres.Process!.Id, calls, events);

// 2. PostgreSQL's COPY ceiling for the rows the worker wrote.
var copy = await CopyCeilingAsync(database, postgres.Process!.Id);

// 3. cdr_pgsql: one INSERT per CDR, autocommit.
var cdr = runCdr ? await CdrPgsqlAsync(database, calls, postgres.Process!.Id) : null;

// 4. The real module: Asterisk writing CDRs for real sipp calls through cdr_pgsql (needs the table from 3).
var cdrAsterisk = runCdr && cdrCalls > 0 ? await CdrThroughAsterisk.RunAsync(postgres, database, cdrCalls, cdrRate) : null;

Console.WriteLine();
Console.WriteLine($"| path ({calls:N0} calls, {events:N0} ARI events) | wall time (s) | calls/s | events/s | CPU ms per 1,000 events: client / PostgreSQL | client peak RSS (MB) | load avg |");
Console.WriteLine("| --- | ---: | ---: | ---: | --- | ---: | ---: |");
Console.WriteLine(worker.Row);
Console.WriteLine(copy.Row);
if (cdr is not null)
{
    Console.WriteLine(cdr.Row);
}

if (cdrAsterisk is not null)
{
    Console.WriteLine(cdrAsterisk);
}

Console.WriteLine();
Console.WriteLine($"Reproduce: dotnet build -c Release bench/CallCenter.Persistence.Benchmarks && dotnet bench/CallCenter.Persistence.Benchmarks/bin/Release/net10.0/CallCenter.Persistence.Benchmarks.dll {string.Join(' ', args)}");
return 0;

static async Task<long> FeedAsync(IDatabase redis, string stream, int calls)
{
    long count = 0;
    var pending = new List<Task>(2_000);
    for (var call = 1; call <= calls; call++)
    {
        var ordinal = 0;
        foreach (var json in RealisticCallEvents.ForCall(call))
        {
            // Keyed as the ingestion service keys them (linkedid from the channel variable, event id per connection).
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var channel = root.GetProperty("channel");
            var entry = new AriStreamEntry(
                AriStreamEntryKind.Event,
                root.GetProperty("type").GetString()!,
                channel.GetProperty("channelvars").GetProperty("CHANNEL(linkedid)").GetString(),
                channel.GetProperty("id").GetString(),
                root.GetProperty("asterisk_id").GetString(),
                DateTimeOffset.UtcNow,
                $"bench:{call}:{++ordinal}",
                json);
            pending.Add(redis.StreamAddAsync(stream, [.. entry.ToFields().Select(f => new NameValueEntry(f.Key, f.Value))], flags: CommandFlags.None));
            count++;
            if (pending.Count == 2_000)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }
    }

    await Task.WhenAll(pending);
    return count;
}

static async Task<Result> RunWorkerAsync(string dll, string database, string redis, string stream, int? batchSize, int postmaster, int calls, long events)
{
    var environment = new Dictionary<string, string>
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{PortAllocator.GetFreePort()}",
        ["ConnectionStrings__callcenterdb"] = database,
        ["ConnectionStrings__redis"] = redis,
        ["ConnectionStrings__blobs"] = "UseDevelopmentStorage=true",
        ["Persistence__StreamName"] = stream,
        ["Persistence__ConsumerName"] = "bench-worker",
        ["Recordings__Enabled"] = "false",
        ["Ari__BaseUrl"] = "http://127.0.0.1:9/ari/",
        ["Ari__Username"] = "bench",
        ["Ari__Password"] = "bench",
        ["Logging__LogLevel__Default"] = "Warning",
        ["OTEL_SDK_DISABLED"] = "true",
    };
    if (batchSize is { } size)
    {
        environment["Persistence__BatchSize"] = size.ToString(CultureInfo.InvariantCulture);
    }

    await using var worker = LocalProcess.Start(
        new LocalProcessSpec("persistence", "dotnet", [dll]) { Environment = environment },
        (name, line) => Console.WriteLine($"[{name}] {line}"));
    var memory = new ProcessSampler(worker.Id);

    // Measured from the first committed batch (after start-up and migrations) to the drained stream.
    await using var connection = new NpgsqlConnection(database);
    await connection.OpenAsync();
    await WaitAsync(async () => await ScalarAsync(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'call_events'") > 0 && await ScalarAsync(connection, "SELECT count(*) FROM (SELECT 1 FROM call_events LIMIT 1) e") > 0, worker, TimeSpan.FromMinutes(2));
    var stopwatch = Stopwatch.StartNew();
    var eventsBefore = await ScalarAsync(connection, "SELECT count(*) FROM call_events");
    var callsBefore = await ScalarAsync(connection, "SELECT count(*) FROM calls");
    var workerCpu = ProcessSampler.CpuSeconds(worker.Id);
    var postgresCpu = ProcessSampler.CpuSeconds(postmaster, withChildren: true);
    var load = MachineInfo.Load();

    using var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis);
    var db = multiplexer.GetDatabase();
    var lastId = (await db.StreamRangeAsync(stream, "-", "+", 1, Order.Descending))[0].Id;
    await WaitAsync(
        async () => (await db.StreamGroupInfoAsync(stream)) is [var group] && group.LastDeliveredId == lastId && group.PendingMessageCount == 0,
        worker,
        TimeSpan.FromHours(2),
        pollMilliseconds: 20);
    var elapsed = stopwatch.Elapsed;
    workerCpu = ProcessSampler.CpuSeconds(worker.Id) - workerCpu;
    postgresCpu = ProcessSampler.CpuSeconds(postmaster, withChildren: true) - postgresCpu;
    memory.Stop();

    var storedEvents = await ScalarAsync(connection, "SELECT count(*) FROM call_events");
    var storedCalls = await ScalarAsync(connection, "SELECT count(*) FROM calls");
    var completed = await ScalarAsync(connection, "SELECT count(*) FROM calls WHERE status = 'completed'");
    if (storedEvents != events || storedCalls != calls || completed != calls)
    {
        throw new InvalidOperationException($"The worker stored {storedCalls} calls ({completed} completed) and {storedEvents} events; expected {calls} and {events}.");
    }

    var measuredEvents = storedEvents - eventsBefore;
    var measuredCalls = storedCalls - callsBefore;
    Console.WriteLine($"Worker: {measuredEvents:N0} events of {measuredCalls:N0} calls in {elapsed.TotalSeconds:0.0} s after the first commit; load average {load} → {MachineInfo.Load()}");
    return new Result(
        $"| persistence worker, own process (Redis stream → PostgreSQL, batch {batchSize?.ToString(CultureInfo.InvariantCulture) ?? "default"}) | {elapsed.TotalSeconds:0.0} | {measuredCalls / elapsed.TotalSeconds:N0} | {measuredEvents / elapsed.TotalSeconds:N0} | {workerCpu * 1e6 / measuredEvents:0} / {postgresCpu * 1e6 / measuredEvents:0} | {memory.PeakMegabytes:0} | {load} |");
}

static async Task<Result> CopyCeilingAsync(string database, int postmaster)
{
    await using var connection = new NpgsqlConnection(database);
    await connection.OpenAsync();
    // Same columns, indexes, constraints and foreign keys as the worker's tables, on the same server.
    await new NpgsqlCommand(
        """
        CREATE TABLE copy_calls (LIKE calls INCLUDING ALL);
        CREATE TABLE copy_call_legs (LIKE call_legs INCLUDING ALL, FOREIGN KEY (call_id) REFERENCES copy_calls (id) ON DELETE CASCADE);
        CREATE TABLE copy_call_events (LIKE call_events INCLUDING ALL, FOREIGN KEY (call_id) REFERENCES copy_calls (id) ON DELETE CASCADE);
        """, connection).ExecuteNonQueryAsync();

    const string EventColumns = "call_id, event_id, stream_id, type, occurred_at, received_at, channel_id, details";
    var callsData = await ExportAsync(connection, "COPY calls TO STDOUT (FORMAT BINARY)");
    var legsData = await ExportAsync(connection, "COPY call_legs TO STDOUT (FORMAT BINARY)");
    var eventsData = await ExportAsync(connection, $"COPY call_events ({EventColumns}) TO STDOUT (FORMAT BINARY)");
    var calls = await ScalarAsync(connection, "SELECT count(*) FROM calls");
    var events = await ScalarAsync(connection, "SELECT count(*) FROM call_events");

    var load = MachineInfo.Load();
    var clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    var postgresCpu = ProcessSampler.CpuSeconds(postmaster, withChildren: true);
    var stopwatch = Stopwatch.StartNew();
    await using (var transaction = await connection.BeginTransactionAsync())
    {
        await ImportAsync(connection, "COPY copy_calls FROM STDIN (FORMAT BINARY)", callsData);
        await ImportAsync(connection, "COPY copy_call_legs FROM STDIN (FORMAT BINARY)", legsData);
        await ImportAsync(connection, $"COPY copy_call_events ({EventColumns}) FROM STDIN (FORMAT BINARY)", eventsData);
        await transaction.CommitAsync();
    }

    var elapsed = stopwatch.Elapsed;
    clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - clientCpu;
    postgresCpu = ProcessSampler.CpuSeconds(postmaster, withChildren: true) - postgresCpu;
    if (await ScalarAsync(connection, "SELECT count(*) FROM copy_call_events") != events)
    {
        throw new InvalidOperationException("COPY did not store every event row.");
    }

    Console.WriteLine($"COPY: {calls:N0} calls (+ legs), {events:N0} events in {elapsed.TotalSeconds:0.0} s; load average {load} → {MachineInfo.Load()}");
    return new Result(
        $"| PostgreSQL COPY ceiling: the same calls, call_legs and call_events rows (binary COPY, one transaction, same indexes and FKs) | {elapsed.TotalSeconds:0.0} | {calls / elapsed.TotalSeconds:N0} | {events / elapsed.TotalSeconds:N0} | {clientCpu * 1e6 / events:0} / {postgresCpu * 1e6 / events:0} | — | {load} |");
}

static async Task<Result> CdrPgsqlAsync(string database, int calls, int postmaster)
{
    await using var connection = new NpgsqlConnection(database);
    await connection.OpenAsync();
    // Asterisk's PostgreSQL CDR table (contrib/scripts and the cdr_pgsql documentation).
    await new NpgsqlCommand(
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
        """, connection).ExecuteNonQueryAsync();

    var load = MachineInfo.Load();
    var clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    var postgresCpu = ProcessSampler.CpuSeconds(postmaster, withChildren: true);
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
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    var elapsed = stopwatch.Elapsed;
    clientCpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - clientCpu;
    postgresCpu = ProcessSampler.CpuSeconds(postmaster, withChildren: true) - postgresCpu;
    var events = (long)calls * RealisticCallEvents.ForCall(1).Count();
    Console.WriteLine($"cdr_pgsql-shaped inserts: {calls:N0} CDRs in {elapsed.TotalSeconds:0.0} s; load average {load} → {MachineInfo.Load()}");
    return new Result(
        $"| cdr_pgsql's statement replayed: one INSERT per CDR, literal values, autocommit, one connection (1 CDR per call, no timeline) | {elapsed.TotalSeconds:0.0} | {calls / elapsed.TotalSeconds:N0} | — ({events / elapsed.TotalSeconds:N0} event-equivalents) | {clientCpu * 1e6 / events:0} / {postgresCpu * 1e6 / events:0} | — | {load} |");
}

static async Task<byte[]> ExportAsync(NpgsqlConnection connection, string copy)
{
    using var buffer = new MemoryStream();
    await using (var source = await connection.BeginRawBinaryCopyAsync(copy))
    {
        await source.CopyToAsync(buffer);
    }

    return buffer.ToArray();
}

static async Task ImportAsync(NpgsqlConnection connection, string copy, byte[] data)
{
    await using var target = await connection.BeginRawBinaryCopyAsync(copy);
    await target.WriteAsync(data);
}

static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

static async Task WaitAsync(Func<Task<bool>> condition, LocalProcess worker, TimeSpan timeout, int pollMilliseconds = 100)
{
    var deadline = Stopwatch.StartNew();
    while (!await condition())
    {
        if (worker.HasExited)
        {
            throw new InvalidOperationException($"The worker exited. Its output:\n{worker.Tail()}");
        }

        if (deadline.Elapsed > timeout)
        {
            throw new TimeoutException($"Timed out. Worker output:\n{worker.Tail()}");
        }

        await Task.Delay(pollMilliseconds);
    }
}

internal sealed record Result(string Row);
