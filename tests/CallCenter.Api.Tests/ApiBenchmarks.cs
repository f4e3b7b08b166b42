using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Data;
using CallCenter.Testing.Measurement;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Api.Tests;

/// <summary>
/// The issue's benchmarks, explicit (run with: dotnet tests/CallCenter.Api.Tests/bin/Release/net10.0/CallCenter.Api.Tests.dll
/// -class CallCenter.Api.Tests.ApiBenchmarks -explicit only -showlive; the out-of-process fan-out needs
/// bench/CallCenter.Api.Benchmarks built in the same configuration). Numbers go to the test output.
/// </summary>
[Collection(BenchmarkCollection.Name)]
public sealed class ApiBenchmarks(ApiFixture fixture)
{
    private const int CallCount = 1_000_000;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    public async Task Calls_pages_over_a_million_calls()
    {
        var seeding = Stopwatch.StartNew();
        await using (var db = fixture.CreateDbContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO calls (id, asterisk_id, call_key, direction, status, caller_number, dialed_number, agent_extension,
                                   started_at, answered_at, ended_at, ring_seconds, talk_seconds, duration_seconds,
                                   transfer_count, hold_count, hold_seconds, recording_name, reconciled, version, updated_at)
                SELECT gen_random_uuid(), 'bench', 'bench-' || g,
                       (ARRAY['inbound','outbound','internal'])[1 + g % 3],
                       (ARRAY['completed','missed','completed','busy','completed','failed'])[1 + g % 6],
                       '99890' || lpad((g::bigint * 7919 % 10000000)::text, 7, '0'),
                       '10' || lpad((1 + g % 10)::text, 2, '0'),
                       '10' || lpad((1 + g % 10)::text, 2, '0'),
                       timestamptz '2024-01-01' + g * interval '30 seconds',
                       CASE WHEN g % 2 = 0 THEN timestamptz '2024-01-01' + g * interval '30 seconds' + interval '5 seconds' END,
                       timestamptz '2024-01-01' + g * interval '30 seconds' + (5 + g % 600) * interval '1 second',
                       5 + g % 20, CASE WHEN g % 2 = 0 THEN g % 600 END, 5 + g % 600,
                       0, 0, 0, CASE WHEN g % 4 = 0 THEN 'inbound-bench-' || g END, false, 1,
                       timestamptz '2024-01-01' + g * interval '30 seconds'
                FROM generate_series(1, {CallCount}) AS g
                """, Cancel);
            await db.Database.ExecuteSqlRawAsync("ANALYZE calls", Cancel);
        }

        Report($"seeded {CallCount:N0} calls in {seeding.Elapsed.TotalSeconds:F0} s");
        var token = fixture.Tokens.Supervisor();
        const string page = "query($f: CallFilter, $after: String) { calls(filter: $f, first: 50, after: $after) { edges { cursor node { id direction status callerNumber startedAt durationSeconds agentExtension } } pageInfo { endCursor } } }";

        await MeasureAsync("first page, no filter", token, page, new { });
        var deepCursor = await CursorAfterAsync(token, page, new { status = new[] { "COMPLETED" }, direction = new[] { "INBOUND" } }, hops: 200);
        await MeasureAsync("deep page (page 200) with status+direction filter", token, page,
            new { f = new { status = new[] { "COMPLETED" }, direction = new[] { "INBOUND" } }, after = deepCursor });
        await MeasureAsync("first page, partial number filter", token, page, new { f = new { number = "4567" } });
        await MeasureAsync("first page, one agent, last 30 days of data", token, page,
            new { f = new { extension = "1003", from = new DateTimeOffset(2024, 12, 1, 0, 0, 0, TimeSpan.Zero) } });
    }

    [Fact(Explicit = true)]
    public async Task Subscription_fan_out_to_a_thousand_subscribers()
    {
        const int subscribers = 1_000;
        const int changes = 500;
        // Changes before the measured ones, at the same rate: a long-running API has its hot paths JIT-optimized (tier 1),
        // a cold one spends the first seconds compiling them on the same 2 cores.
        const int warmUp = 1_000;
        const int lastVersion = warmUp + changes + 1;
        var call = await LiveCalls.StartAsync(fixture);
        var token = fixture.Tokens.Supervisor();
        GC.Collect();
        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);

        var received = new long[subscribers, lastVersion + 1];
        var clients = new List<WsTestClient>();
        var readers = new List<Task>();
        for (var i = 0; i < subscribers; i++)
        {
            var client = await WsTestClient.ConnectAsync(fixture.Api.WebSocketUri);
            await client.InitAsync(token);
            await client.SendAsync(new { type = "subscribe", id = "s", payload = new { query = "subscription($id: ID) { callUpdated(callId: $id) { id status version } }", variables = new { id = call.Id } } });
            // Subscribing happens while the message is handled (the first one starts the shared stream); a pong follows it.
            await client.SendAsync(new { type = "ping" });
            Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
            clients.Add(client);
            var index = i;
            // A lean reader (one reused buffer, no JSON DOM): the clients share the process with the API, so they must be cheap.
            readers.Add(Task.Run(async () =>
            {
                var buffer = new byte[8192];
                var marker = "\"version\":"u8.ToArray();
                while (true)
                {
                    var count = 0;
                    System.Net.WebSockets.ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await client.Socket.ReceiveAsync(buffer.AsMemory(count), Cancel);
                        count += result.Count;
                    }
                    while (!result.EndOfMessage);

                    if (result.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
                    {
                        return;
                    }

                    var at = buffer.AsSpan(0, count).IndexOf(marker);
                    if (at < 0 || !System.Buffers.Text.Utf8Parser.TryParse(buffer.AsSpan(at + marker.Length, count - at - marker.Length), out long version, out _))
                    {
                        continue;
                    }

                    // A lagging hub answers several notices with the same (newest) row: the first copy is the delivery.
                    if (version > 0 && version <= lastVersion && received[index, version] == 0)
                    {
                        received[index, version] = Stopwatch.GetTimestamp();
                    }

                    if (version == lastVersion)
                    {
                        return;
                    }
                }
            }, Cancel));
        }

        var hub = (CallCenter.Api.Live.CallChangeHub)fixture.Api.Services.GetService(typeof(CallCenter.Api.Live.CallChangeHub))!;
        while (hub.SubscriberCount < 1)
        {
            await Task.Delay(50, Cancel);
        }

        GC.Collect();
        var memorySubscribed = Process.GetCurrentProcess().WorkingSet64;
        var managedSubscribed = GC.GetTotalMemory(forceFullCollection: true);

        // 100 changes per second: commit (version = n), then publish, as the worker does.
        var committed = new long[lastVersion + 1];
        var clock = Stopwatch.StartNew();
        var paced = 0;
        await using (var db = fixture.CreateDbContext())
        {
            for (var version = 2; version <= lastVersion; version++)
            {
                var warmUpIndex = version - 2;
                if (version == warmUp + 2 || (warmUpIndex > 0 && warmUpIndex < warmUp && warmUpIndex % (warmUp / 3) == 0))
                {
                    // Pauses let the background tier-up JIT finish what each warm-up round made hot (as in a long-running API).
                    await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
                    clock.Restart();
                    paced = 0;
                }

                var due = TimeSpan.FromMilliseconds(paced++ * 10);
                if (clock.Elapsed < due)
                {
                    await Task.Delay(due - clock.Elapsed, Cancel);
                }

                var v = version;
                await db.Calls.Where(c => c.Id == call.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Version, v), Cancel);
                committed[version] = Stopwatch.GetTimestamp();
                await fixture.PublishAsync(new Call { Id = call.Id, Status = CallStatus.Ringing, Version = version });
            }
        }

        var publishSeconds = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        var latencies = new List<double>();
        // Every change, also those a lagging hub coalesced: commit -> the subscriber holds that version or a newer one.
        var current = new List<double>();
        var delivered = 0;
        for (var i = 0; i < subscribers; i++)
        {
            var earliest = long.MaxValue;
            for (var version = lastVersion; version >= warmUp + 2; version--)
            {
                if (received[i, version] != 0)
                {
                    delivered++;
                    latencies.Add(Stopwatch.GetElapsedTime(committed[version], received[i, version]).TotalMilliseconds);
                    earliest = Math.Min(earliest, received[i, version]);
                }

                if (earliest != long.MaxValue)
                {
                    current.Add(Stopwatch.GetElapsedTime(committed[version], earliest).TotalMilliseconds);
                }
            }
        }

        latencies.Sort();
        current.Sort();
        Report(string.Create(CultureInfo.InvariantCulture,
            $"fan-out (in-process clients): {subscribers} subscribers, {changes} changes in {publishSeconds:F1} s after {warmUp} warm-up changes; delivered {delivered:N0} of {subscribers * changes:N0}; commit-to-client p50 {latencies[latencies.Count / 2]:F1} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms, max {latencies[^1]:F1} ms; every change ({current.Count:N0}, a newer version counts): p50 {current[current.Count / 2]:F1} ms, p95 {current[(int)(current.Count * 0.95)]:F1} ms, p99 {current[(int)(current.Count * 0.99)]:F1} ms, max {current[^1]:F1} ms"));
        Report(string.Create(CultureInfo.InvariantCulture,
            $"fan-out memory (API and the 1000 test clients share the process): working set {memoryBefore / 1048576} MiB -> {memorySubscribed / 1048576} MiB subscribed; managed heap {managedBefore / 1048576} MiB -> {managedSubscribed / 1048576} MiB"));

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    /// <summary>
    /// The same fan-out with the 1,000 subscribers and the publisher in their own process (bench/CallCenter.Api.Benchmarks,
    /// built first): this process then holds only the API, so its CPU and memory are the server's.
    /// </summary>
    [Fact(Explicit = true)]
    public async Task Subscription_fan_out_with_an_out_of_process_load_generator()
    {
        var generator = LoadGeneratorPath();
        Assert.True(File.Exists(generator), $"Build the load generator first: dotnet build -c {BuildConfiguration} bench/CallCenter.Api.Benchmarks (looked for {generator})");
        var call = await LiveCalls.StartAsync(fixture);
        var token = fixture.Tokens.Supervisor();
        GC.Collect();
        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            generator, "--ws", fixture.Api.WebSocketUri.AbsoluteUri, "--token", token, "--call-id", call.Id.ToString(),
            "--db", fixture.DatabaseConnectionString, "--redis", fixture.Redis.ConnectionString,
            "--subscribers", "1000", "--warm-up", "1000", "--changes", "500", "--rate", "100",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // The generator's socket continuations run on its epoll thread instead of hopping to its thread pool: cheaper
        // clients leave more of the 2 cores to the server (the API keeps its own defaults).
        start.Environment["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1";
        using var process = Process.Start(start)!;
        try
        {
            async Task<string> LineAsync(string prefix)
            {
                while (await process.StandardOutput.ReadLineAsync(Cancel).AsTask().WaitAsync(TimeSpan.FromMinutes(3), Cancel) is { } line)
                {
                    if (line.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return line;
                    }
                }

                throw new InvalidOperationException($"The load generator ended before '{prefix}' (exit code {process.ExitCode}).");
            }

            await LineAsync("subscribed");
            var hub = (CallCenter.Api.Live.CallChangeHub)fixture.Api.Services.GetService(typeof(CallCenter.Api.Live.CallChangeHub))!;
            Assert.True(hub.SubscriberCount >= 1);
            GC.Collect();
            var memorySubscribed = Process.GetCurrentProcess().WorkingSet64;
            var managedSubscribed = GC.GetTotalMemory(forceFullCollection: true);

            await process.StandardInput.WriteLineAsync("go");
            await process.StandardInput.FlushAsync(Cancel);
            await LineAsync("measure-start");
            var cpuBefore = CpuSeconds(process.Id);
            var machineBefore = MachineCpu.Read();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var gen0Before = GC.CollectionCount(0);
            var wall = Stopwatch.StartNew();
            await LineAsync("measure-end");
            var cpuAfter = CpuSeconds(process.Id);
            var machineAfter = MachineCpu.Read();
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            var gen0 = GC.CollectionCount(0) - gen0Before;
            var seconds = wall.Elapsed.TotalSeconds;
            var result = System.Text.Json.Nodes.JsonNode.Parse((await LineAsync("result "))["result ".Length..])!;
            await process.WaitForExitAsync(Cancel).WaitAsync(TimeSpan.FromSeconds(30), Cancel);

            double Number(string name) => result[name]?.GetValue<double>() ?? double.NaN;
            Report(string.Create(CultureInfo.InvariantCulture,
                $"fan-out (out-of-process load generator): {Number("subscribers")} subscribers, {Number("changes")} changes in {Number("publishSeconds"):F1} s after {Number("warmUp")} warm-up changes; delivered {Number("delivered"):N0} of {Number("expected"):N0} (unexpected messages {Number("unexpected")}, versions repeated or out of order {Number("repeatedOrOutOfOrder")}, subscribers that ended with the final version {Number("endedWithFinalVersion")} of {Number("subscribers")}); commit-to-client p50 {Number("p50"):F1} ms, p95 {Number("p95"):F1} ms, p99 {Number("p99"):F1} ms, max {Number("max"):F1} ms; every change ({Number("current"):N0}, a newer version counts): p50 {Number("currentP50"):F1} ms, p95 {Number("currentP95"):F1} ms, p99 {Number("currentP99"):F1} ms, max {Number("currentMax"):F1} ms"));
            var used = cpuAfter.Keys.Union(cpuBefore.Keys).Order(StringComparer.Ordinal)
                .Select(name => (name, used: cpuAfter.GetValueOrDefault(name) - cpuBefore.GetValueOrDefault(name)))
                .Where(x => x.used > 0.005)
                .ToList();
            // Whatever else ran meanwhile (the machine is shared): user + system time not charged to this benchmark's processes.
            var others = (machineAfter.User + machineAfter.System - machineBefore.User - machineBefore.System)
                - used.Where(x => !x.name.StartsWith("API JIT", StringComparison.Ordinal)).Sum(x => x.used);
            var split = string.Join(", ", used.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.name} {x.used / seconds * 100:F0}%"))
                .Append(string.Create(CultureInfo.InvariantCulture, $"other processes about {Math.Max(0, others) / seconds * 100:F0}%")));
            Report(string.Create(CultureInfo.InvariantCulture,
                $"fan-out CPU over the measured {seconds:F1} s (100% = one core): {split}; whole machine {(machineAfter.Busy - machineBefore.Busy) / seconds * 100:F0}% of {Environment.ProcessorCount * 100}% (user {(machineAfter.User - machineBefore.User) / seconds * 100:F0}%, system {(machineAfter.System - machineBefore.System) / seconds * 100:F0}%, irq+softirq {(machineAfter.SoftIrq - machineBefore.SoftIrq) / seconds * 100:F0}%, steal {(machineAfter.Steal - machineBefore.Steal) / seconds * 100:F0}%)"));
            Report(string.Create(CultureInfo.InvariantCulture,
                $"fan-out memory: API process working set {memoryBefore / 1048576} MiB -> {memorySubscribed / 1048576} MiB with 1000 subscribed sockets, managed heap {managedBefore / 1048576} MiB -> {managedSubscribed / 1048576} MiB; load generator working set {Number("generatorWorkingSetMiB")} MiB; the API allocated {allocated / 1048576.0:F0} MiB ({gen0} gen0 collections) during the measured changes"));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private static string BuildConfiguration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string LoadGeneratorPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CallCenter.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? ".", "bench", "CallCenter.Api.Benchmarks", "bin", BuildConfiguration, "net10.0", "CallCenter.Api.Benchmarks.dll");
    }

    /// <summary>CPU seconds (user + system) of this process, the load generator and this process's other descendants (PostgreSQL, Redis, ...) by name.</summary>
    private static Dictionary<string, double> CpuSeconds(int generatorId)
    {
        var processes = ProcStat.ReadAll().ToDictionary(p => p.Id);
        var self = Environment.ProcessId;
        var groups = new Dictionary<string, double>(StringComparer.Ordinal);
        // Tier-up compilation runs on its own thread: shown apart, as a long-running API has finished it.
        foreach (var thread in ProcStat.ReadThreads(self))
        {
            if (thread.Name.StartsWith(".NET Tiered", StringComparison.Ordinal))
            {
                groups["API JIT tier-up thread (included in API)"] = thread.CpuSeconds;
            }
        }

        foreach (var (id, name, _, seconds) in processes.Values)
        {
            var ancestor = id;
            while (ancestor > 1 && ancestor != self && processes.TryGetValue(ancestor, out var p))
            {
                ancestor = p.Parent;
            }

            if (ancestor != self)
            {
                continue;
            }

            var group = id == self ? "API (test process)" : id == generatorId ? "load generator" : name;
            groups[group] = groups.GetValueOrDefault(group) + seconds;
        }

        return groups;
    }

    private async Task<string> CursorAfterAsync(string token, string query, object filter, int hops)
    {
        string? after = null;
        for (var i = 0; i < hops; i++)
        {
            var data = await fixture.Http.DataAsync(query, new { f = filter, after }, token);
            after = data["calls"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        return after!;
    }

    private async Task MeasureAsync(string name, string token, string query, object variables)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { query, variables });
        var samples = new List<double>();
        for (var i = 0; i < 220; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.ParseAdd("application/graphql-response+json");
            var started = Stopwatch.GetTimestamp();
            using var response = await fixture.Http.SendAsync(request, Cancel);
            var text = await response.Content.ReadAsStringAsync(Cancel);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Assert.True(response.IsSuccessStatusCode && !text.Contains("\"errors\"", StringComparison.Ordinal), text);
            if (i >= 20)
            {
                samples.Add(elapsed);
            }
        }

        samples.Sort();
        Report(string.Create(CultureInfo.InvariantCulture,
            $"{name}: p50 {samples[samples.Count / 2]:F1} ms, p95 {samples[(int)(samples.Count * 0.95)]:F1} ms, p99 {samples[(int)(samples.Count * 0.99)]:F1} ms (n={samples.Count})"));
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "callcenter-api-benchmark.txt"), line + Environment.NewLine);
    }
}
