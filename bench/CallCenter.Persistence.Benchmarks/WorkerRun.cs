using System.Diagnostics;
using System.Globalization;
using CallCenter.LocalServers;
using CallCenter.Testing.Measurement;
using Npgsql;
using StackExchange.Redis;
using static BenchDatabase;

/// <summary>The real persistence worker, its own process, draining the filled stream into PostgreSQL.</summary>
internal static class WorkerRun
{
    public static async Task<(BenchResult Result, string Phases)> RunAsync(
        BenchOptions options, string dll, string database, string redis, string stream, int postmaster, int redisPid, long events)
    {
        var (batchSize, calls) = (options.BatchSize, options.Calls);
        var environment = new Dictionary<string, string>(WorkerPhases.LoggingEnvironment)
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

        foreach (var (name, value) in options.WorkerEnvironment)
        {
            // "{database}" stands for the benchmark's connection string, to add options to it.
            environment[name] = value.Replace("{database}", database, StringComparison.Ordinal);
        }

        var phases = new WorkerPhases();
        await using var worker = LocalProcess.Start(
            new LocalProcessSpec("persistence", "dotnet", [dll]) { Environment = environment },
            (name, line) =>
            {
                if (!phases.TryAdd(line))
                {
                    Console.WriteLine($"[{name}] {line}");
                }
            });
        var memory = new ProcessSampler(worker.Id);

        // Measured from the first committed batch (after start-up and migrations) to the drained stream.
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await WaitAsync(
            async () => await ScalarAsync(connection, "SELECT count(*) FROM pg_tables WHERE tablename = 'call_events'") > 0
                && await ScalarAsync(connection, "SELECT count(*) FROM (SELECT 1 FROM call_events LIMIT 1) e") > 0,
            worker,
            TimeSpan.FromMinutes(2));
        var stopwatch = Stopwatch.StartNew();
        phases.Start();
        var eventsBefore = await ScalarAsync(connection, "SELECT count(*) FROM call_events");
        var callsBefore = await ScalarAsync(connection, "SELECT count(*) FROM calls");
        var workerCpu = ProcessSampler.CpuSeconds(worker.Id);
        var postgresCpu = ProcessSampler.CpuSeconds(postmaster, withChildren: true);
        var redisCpu = ProcessSampler.CpuSeconds(redisPid);
        var machine = MachineCpu.Now();
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
        var busy = BenchResult.Busy(machine, elapsed);
        workerCpu = ProcessSampler.CpuSeconds(worker.Id) - workerCpu;
        postgresCpu = ProcessSampler.CpuSeconds(postmaster, withChildren: true) - postgresCpu;
        redisCpu = ProcessSampler.CpuSeconds(redisPid) - redisCpu;
        memory.Stop();
        // The last batch's log line may still be on its way.
        await Task.Delay(500);
        phases.Stop();

        var storedEvents = await ScalarAsync(connection, "SELECT count(*) FROM call_events");
        var storedCalls = await ScalarAsync(connection, "SELECT count(*) FROM calls");
        var completed = await ScalarAsync(connection, "SELECT count(*) FROM calls WHERE status = 'completed'");
        if (storedEvents != events || storedCalls != calls || completed != calls)
        {
            throw new InvalidOperationException($"The worker stored {storedCalls} calls ({completed} completed) and {storedEvents} events; expected {calls} and {events}.");
        }

        var measuredEvents = storedEvents - eventsBefore;
        var measuredCalls = storedCalls - callsBefore;
        var rate = measuredEvents / elapsed.TotalSeconds;
        Console.WriteLine($"Worker: {measuredEvents:N0} events of {measuredCalls:N0} calls in {elapsed.TotalSeconds:0.0} s after the first commit; load average {load} → {MachineInfo.Load()}");
        var row = string.Create(
            CultureInfo.InvariantCulture,
            $"| persistence worker, own process (Redis stream → PostgreSQL, batch {batchSize?.ToString(CultureInfo.InvariantCulture) ?? "default"}{string.Concat(options.WorkerEnvironment.Select(e => $", {e.Key}={e.Value}"))}) | {elapsed.TotalSeconds:0.0} | {measuredCalls / elapsed.TotalSeconds:N0} | {rate:N0} | {workerCpu * 1e6 / measuredEvents:0} / {postgresCpu * 1e6 / measuredEvents:0} / {redisCpu * 1e6 / measuredEvents:0} | {memory.PeakMegabytes:0} | {load} | {busy} |");
        return (new BenchResult(row, rate), phases.Table(measuredEvents, elapsed));
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, LocalProcess worker, TimeSpan timeout, int pollMilliseconds = 100)
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
}
