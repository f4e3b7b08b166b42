using System.Globalization;
using System.Reflection;
using CallCenter.LocalServers;
using CallCenter.Testing;
using CallCenter.Testing.Measurement;
using Npgsql;
using StackExchange.Redis;

// Usage: dotnet bench/CallCenter.Persistence.Benchmarks/bin/Release/net10.0/CallCenter.Persistence.Benchmarks.dll [options] (BenchOptions.Usage)
// Replays generated-but-realistic calls (RealisticCallEvents: 22 ARI events each, shaped like Asterisk 22's) through a
// real Redis stream into a real PostgreSQL with the real persistence worker as its own process, then measures on the
// same server, in the same run: (a) PostgreSQL's COPY ceiling for the same rows and (b) cdr_pgsql's way of writing
// the same calls (one INSERT per CDR, autocommit), and optionally (c) Asterisk's real cdr_pgsql module.
if (BenchOptions.Parse(args) is not { } options)
{
    return 2;
}

var configuration = typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
var workerDll = options.Worker ?? Path.Combine(Prerequisites.RepositoryRoot, "src", "CallCenter.Persistence", "bin", configuration, "net10.0", "CallCenter.Persistence.dll");
if (!File.Exists(workerDll))
{
    Console.Error.WriteLine($"Build the worker first (dotnet build -c {configuration}): {workerDll}");
    return 2;
}

Console.WriteLine($"Persistence benchmark: {Environment.ProcessorCount} cores, {MachineInfo.Describe()}; {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; load average at start {MachineInfo.Load()}");

// A durable cluster (fsync on, as in production): the worker, COPY and the CDR inserts all write to it.
await using var postgres = new PostgresServer(TestRun.NewDirectory("bench-postgres"), PortAllocator.GetFreePort(), TestRun.NewSecret(), (_, _) => { });
await using var redisServer = new RedisServer(TestRun.NewDirectory("bench-redis"), PortAllocator.GetFreePort(), (_, _) => { });
await Task.WhenAll(postgres.StartAsync(), redisServer.StartAsync());
await using (var admin = new NpgsqlConnection(postgres.ConnectionString()))
{
    await admin.OpenAsync();
    await BenchDatabase.ExecuteAsync(admin, "CREATE DATABASE bench");
}

var database = postgres.ConnectionString("bench");
using var redis = await ConnectionMultiplexer.ConnectAsync(redisServer.ConnectionString);
const string Stream = "bench:ari-events";
var calls = options.Calls;
var events = await StreamFeeder.FeedAsync(redis.GetDatabase(), Stream, calls);
Console.WriteLine($"Stream filled: {calls:N0} calls, {events:N0} events; load average {MachineInfo.Load()}");

// 1. The worker.
var (worker, phases) = await WorkerRun.RunAsync(options, workerDll, database, redisServer.ConnectionString, Stream, postgres.Process!.Id, redisServer.Process!.Id, events);
Console.WriteLine(worker.Row);
Console.WriteLine(phases);

// 2. PostgreSQL's COPY ceiling for the rows the worker wrote.
var copy = await CopyCeiling.RunAsync(database, postgres.Process!.Id);

// 3. cdr_pgsql: one INSERT per CDR, autocommit.
var cdr = options.RunCdr ? await CdrInsertReplay.RunAsync(database, calls, postgres.Process!.Id) : null;

// 4. The real module: Asterisk writing CDRs for real sipp calls through cdr_pgsql (needs the table from 3).
var cdrAsterisk = options.RunCdr && options.CdrAsteriskCalls > 0
    ? await CdrThroughAsterisk.RunAsync(postgres, database, options.CdrAsteriskCalls, options.CdrAsteriskRate)
    : null;

Console.WriteLine();
Console.WriteLine($"| path ({calls:N0} calls, {events:N0} ARI events) {BenchResult.Header}");
Console.WriteLine(BenchResult.Alignment);
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
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Worker / COPY ceiling, same run and data: {worker.EventsPerSecond / copy.EventsPerSecond:0.00}x"));
Console.WriteLine();
Console.WriteLine(phases);
Console.WriteLine($"Reproduce: dotnet build -c Release bench/CallCenter.Persistence.Benchmarks && dotnet bench/CallCenter.Persistence.Benchmarks/bin/Release/net10.0/CallCenter.Persistence.Benchmarks.dll {string.Join(' ', args)}");
return 0;
