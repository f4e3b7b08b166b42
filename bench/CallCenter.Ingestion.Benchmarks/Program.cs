using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CallCenter.Ingestion.Benchmarks;
using CallCenter.LocalServers;
using CallCenter.Testing;
using CallCenter.Testing.Measurement;
using StackExchange.Redis;

// Usage: dotnet run -c Release --project bench/CallCenter.Ingestion.Benchmarks [rates events/s, comma-separated] [seconds per rate]
// Offers generated-but-realistic ARI events (~22 per call, shaped like Asterisk 22's) on one WebSocket at each
// rate, through the real ingestion service (its own process) into a real Redis, and reports what was delivered.
var rates = (args.Length > 0 ? args[0] : "10000,20000,30000,40000").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var configuration = typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
var serviceDll = Path.Combine(Prerequisites.RepositoryRoot, "src", "CallCenter.Ingestion", "bin", configuration, "net10.0", "CallCenter.Ingestion.dll");
Console.WriteLine($"Ingestion benchmark: {Environment.ProcessorCount} cores, {MachineInfo.Describe()}");

await using var redis = new RedisServer(TestRun.NewDirectory("bench-redis"), PortAllocator.GetFreePort(), TestRun.Log);
await redis.StartAsync();
var ceiling = await RedisBenchmark.XaddCeilingAsync(redis.Port, sampleEventBytes: RealisticCallEvents.ForCall(1).Max(e => e.Length));
Console.WriteLine($"redis-benchmark XADD ceiling (pipelined 64, {ceiling.PayloadBytes} B payload): {ceiling.RequestsPerSecond:N0} XADD/s");
Console.WriteLine();
Console.WriteLine("| offered events/s | delivered events/s | dropped | receive→stream p50 / p99 / max (ms) | service RSS peak (MB) | CPU µs per event: service / Redis / load generator |");
Console.WriteLine("| ---: | ---: | ---: | --- | ---: | --- |");

// Admin mode: the stall monitor reads CONFIG and LATENCY, which StackExchange.Redis 3 refuses without it.
using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
var database = connection.GetDatabase();
await RedisStalls.StartAsync(database);
var redisPid = int.Parse(((string)(await database.ExecuteAsync("INFO", "server"))!).Split('\n').First(l => l.StartsWith("process_id:", StringComparison.Ordinal))["process_id:".Length..].Trim(), CultureInfo.InvariantCulture);
using var frames = Frames().GetEnumerator();
foreach (var (rate, run) in rates.Select((rate, run) => (rate, run)))
{
    // A fresh service and stream per rate so memory figures and lengths do not carry over.
    var stream = $"bench:ari-events:{run}:{rate}";
    if (run > 0)
    {
        // Each rate starts from an empty Redis: the previous run's stream would otherwise make every fork and AOF
        // rewrite of this one bigger than the run itself causes.
        await database.ExecuteAsync("FLUSHALL");
        await database.ExecuteAsync("BGREWRITEAOF");
        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    await using var ari = await FakeAriServer.StartAsync();
    await using var service = ServiceProcess.Start(serviceDll, redis.ConnectionString, ari.BaseUrl, stream);
    await ari.Connected.WaitAsync(TimeSpan.FromSeconds(30));
    await WaitForLengthAsync(database, stream, 1, service, TimeSpan.FromSeconds(30)); // the snapshot

    // Warm-up, not measured: long enough for tiered JIT to finish recompiling the hot path (with 2 s, background
    // compilation still took CPU in the first seconds of the measured window).
    var sent = 1L + await OfferAsync(ari, frames, rate, TimeSpan.FromSeconds(6));
    await WaitForLengthAsync(database, stream, sent, service, TimeSpan.FromSeconds(30));
    var measuredFrom = (await database.StreamRangeAsync(stream, "-", "+", 1, Order.Descending))[0].Id;

    _ = await RedisStalls.TakeAsync(database); // from here on
    var memory = new ProcessSampler(service.Id);
    var cpuBefore = (Service: ProcessSampler.CpuSeconds(service.Id), Redis: ProcessSampler.CpuSeconds(redisPid), Generator: Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
    var offered = await OfferAsync(ari, frames, rate, TimeSpan.FromSeconds(seconds));
    sent += offered;
    // Whatever is not in the stream 10 s after the last frame was dropped (or is hopelessly late).
    await WaitForLengthAsync(database, stream, sent, service, TimeSpan.FromSeconds(10), throwOnTimeout: false);
    memory.Stop();
    var stalls = await RedisStalls.TakeAsync(database); // before the reads below, which are the bench's, not the run's
    var perEvent = 1e6 / Math.Max(1, offered);
    var cpu = string.Create(CultureInfo.InvariantCulture,
        $"{(ProcessSampler.CpuSeconds(service.Id) - cpuBefore.Service) * perEvent:0} / {(ProcessSampler.CpuSeconds(redisPid) - cpuBefore.Redis) * perEvent:0} / {(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpuBefore.Generator) * perEvent:0}");

    var delivered = await database.StreamLengthAsync(stream) - (sent - offered);
    var latencies = await WriteLatency.ReadAsync(database, stream, measuredFrom);
    // Delivered rate over the time Redis spent receiving them: first to last measured entry id.
    var lastWrite = (await database.StreamRangeAsync(stream, "-", "+", 1, Order.Descending))[0].Id;
    var writeSeconds = Math.Max(0.001, (WriteLatency.IdMilliseconds(lastWrite) - WriteLatency.IdMilliseconds(measuredFrom)) / 1000.0);
    Console.WriteLine(
        $"| {rate:N0} | {delivered / writeSeconds:N0} | {offered - delivered:N0} | {latencies.P50:0} / {latencies.P99:0} / {latencies.Max:0} | {memory.PeakMegabytes:0} | {cpu} |");
    Console.WriteLine($"  (Redis's own stalls during this run: {stalls})");
}

return 0;

static async Task<long> OfferAsync(FakeAriServer ari, IEnumerator<string> frames, int rate, TimeSpan duration)
{
    // Paced by the clock in steps of about a millisecond (what the OS timer allows): each step sends the frames
    // that are due by then, so at 20,000 events/s about 20 go at a time, as a busy PBX's events trickle rather
    // than arrive in large bursts.
    var total = (long)(rate * duration.TotalSeconds);
    var clock = Stopwatch.StartNew();
    long count = 0;
    while (count < total)
    {
        var due = Math.Min(total, (long)(clock.Elapsed.TotalSeconds * rate) + 1);
        for (; count < due && frames.MoveNext(); count++)
        {
            await ari.SendAsync(frames.Current);
        }

        await Task.Delay(1);
    }

    return count;
}

static IEnumerable<string> Frames()
{
    for (var call = 1; ; call++)
    {
        foreach (var frame in RealisticCallEvents.ForCall(call))
        {
            yield return frame;
        }
    }
}

static async Task WaitForLengthAsync(IDatabase database, string stream, long length, LocalProcess service, TimeSpan timeout, bool throwOnTimeout = true)
{
    var deadline = Stopwatch.StartNew();
    while (await database.StreamLengthAsync(stream) < length)
    {
        if (service.HasExited)
        {
            throw new InvalidOperationException($"The ingestion service exited. Its output:\n{service.Tail()}");
        }

        if (deadline.Elapsed > timeout)
        {
            if (throwOnTimeout)
            {
                throw new TimeoutException($"The stream did not reach {length} entries. Service output:\n{service.Tail()}");
            }

            return;
        }

        await Task.Delay(20);
    }
}
