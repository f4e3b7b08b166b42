using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallCenter.Api.Benchmarks;
using CallCenter.Contracts;
using Npgsql;
using StackExchange.Redis;

// Subscription fan-out load generator (started by ApiBenchmarks, which owns PostgreSQL, Redis and the API).
// It opens the subscribers, says "subscribed", waits for "go" on stdin, then commits and publishes changes at a fixed
// rate exactly as the persistence worker does and measures commit (UPDATE returned) -> subscriber received, all on
// this process's clock. "measure-start"/"measure-end" bracket the measured changes so the caller can read CPU times.
var settings = FanOutSettings.Parse(args);
var stride = settings.LastVersion + 1;
var received = new long[settings.Subscribers * stride];
var unexpected = 0;
// Per subscriber: the last version received, and how often a version came again or out of order (both must stay 0).
var lastSeen = new long[settings.Subscribers];
var repeated = 0;
var sockets = new ClientWebSocket[settings.Subscribers];
var readers = new Task[settings.Subscribers];
var subscribe = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new JsonObject
{
    ["type"] = "subscribe",
    ["id"] = "s",
    ["payload"] = new JsonObject
    {
        ["query"] = "subscription($id: ID) { callUpdated(callId: $id) { id status version } }",
        ["variables"] = new JsonObject { ["id"] = settings.CallId.ToString() },
    },
}));
var init = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new JsonObject
{
    ["type"] = "connection_init",
    ["payload"] = new JsonObject { ["authorization"] = $"Bearer {settings.Token}" },
}));

using (var connecting = new SemaphoreSlim(16))
{
    await Task.WhenAll(Enumerable.Range(0, settings.Subscribers).Select(async index =>
    {
        await connecting.WaitAsync();
        try
        {
            sockets[index] = await SubscribeAsync(settings.WebSocketUri);
        }
        finally
        {
            connecting.Release();
        }

        readers[index] = Task.Run(() => ReadAsync(sockets[index], index));
    }));
}

Console.WriteLine("subscribed");
if (Console.ReadLine() != "go")
{
    return 1;
}

await using var dataSource = NpgsqlDataSource.Create(settings.Database);
await using var connection = await dataSource.OpenConnectionAsync();
await using var update = new NpgsqlCommand("UPDATE calls SET version = $1 WHERE id = $2", connection);
update.Parameters.Add(new NpgsqlParameter<long> { TypedValue = 0 });
update.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = settings.CallId });
await update.PrepareAsync();
// Each notice carries the state its commit wrote, as the worker's do: the API then passes every version on,
// instead of reading the row (already at a newer version) and letting only the newest through.
var state = await CommittedCallRow.ReadAsync(dataSource, settings.CallId);
await using var redis = await ConnectionMultiplexer.ConnectAsync(settings.Redis);
var publisher = redis.GetSubscriber();
var channel = RedisChannel.Literal(CallChangeNotice.DefaultChannel);

var committed = new long[stride];
var interval = TimeSpan.FromSeconds(1 / settings.ChangesPerSecond);
var cpuAtStart = TimeSpan.Zero;
var warmUpRound = Math.Max(1, settings.WarmUpChanges / 3);
var clock = Stopwatch.StartNew();
var paced = 0;
for (var version = 2; version <= settings.LastVersion; version++)
{
    var warmUpIndex = version - 2;
    if (version == settings.FirstMeasuredVersion || (warmUpIndex > 0 && warmUpIndex < settings.WarmUpChanges && warmUpIndex % warmUpRound == 0))
    {
        // The API tiers hot code up in the background (tier 0, instrumented, optimized), one step per burst of calls:
        // pauses between warm-up rounds let that finish, as it has in a long-running instance.
        await Task.Delay(TimeSpan.FromSeconds(3));
        clock.Restart();
        paced = 0;
    }

    if (version == settings.FirstMeasuredVersion)
    {
        Console.WriteLine("measure-start");
        Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss.fff} fan-out: measuring");
        cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    var due = interval * paced++;
    if (clock.Elapsed < due)
    {
        await Task.Delay(due - clock.Elapsed);
    }

    ((NpgsqlParameter<long>)update.Parameters[0]).TypedValue = version;
    await update.ExecuteNonQueryAsync();
    committed[version] = Stopwatch.GetTimestamp();
    var notice = new CallChangeNotice(settings.CallId, "ringing", version, DateTimeOffset.UtcNow) { State = state with { UpdatedAt = DateTimeOffset.UtcNow } };
    await publisher.PublishAsync(channel, JsonSerializer.Serialize(notice, ContractsJsonContext.Default.CallChangeNotice));
}

var publishSeconds = clock.Elapsed.TotalSeconds;
var allRead = Task.WhenAll(readers);
await Task.WhenAny(allRead, Task.Delay(TimeSpan.FromSeconds(30)));
var generatorCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds;
Console.WriteLine("measure-end");
Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss.fff} fan-out: measured");

var latencies = new List<double>(settings.Subscribers * settings.Changes);
for (var i = 0; i < settings.Subscribers; i++)
{
    for (var version = settings.FirstMeasuredVersion; version <= settings.LastVersion; version++)
    {
        if (received[(i * stride) + version] is var at and not 0)
        {
            latencies.Add(Stopwatch.GetElapsedTime(committed[version], at).TotalMilliseconds);
        }
    }
}

// Every change, also those a lagging hub coalesced: commit -> the subscriber holds that version or a newer one.
var current = new List<double>(settings.Subscribers * settings.Changes);
for (var i = 0; i < settings.Subscribers; i++)
{
    var earliest = long.MaxValue;
    for (var version = settings.LastVersion; version >= settings.FirstMeasuredVersion; version--)
    {
        if (received[(i * stride) + version] is var at and not 0)
        {
            earliest = Math.Min(earliest, at);
        }

        if (earliest != long.MaxValue)
        {
            current.Add(Stopwatch.GetElapsedTime(committed[version], earliest).TotalMilliseconds);
        }
    }
}

latencies.Sort();
current.Sort();
// No figure (null in the JSON) when nothing arrived, e.g. on an overloaded machine.
double? Percentile(List<double> sorted, double p) => sorted.Count == 0 ? null : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
GC.Collect();
var result = new JsonObject
{
    ["subscribers"] = settings.Subscribers,
    ["changes"] = settings.Changes,
    ["warmUp"] = settings.WarmUpChanges,
    ["publishSeconds"] = publishSeconds,
    ["delivered"] = latencies.Count,
    ["expected"] = settings.Subscribers * settings.Changes,
    ["unexpected"] = Volatile.Read(ref unexpected),
    ["repeatedOrOutOfOrder"] = Volatile.Read(ref repeated),
    ["endedWithFinalVersion"] = lastSeen.Count(version => version == settings.LastVersion),
    ["p50"] = Percentile(latencies, 0.50),
    ["p95"] = Percentile(latencies, 0.95),
    ["p99"] = Percentile(latencies, 0.99),
    ["max"] = latencies.Count == 0 ? null : latencies[^1],
    ["current"] = current.Count,
    ["currentP50"] = Percentile(current, 0.50),
    ["currentP95"] = Percentile(current, 0.95),
    ["currentP99"] = Percentile(current, 0.99),
    ["currentMax"] = current.Count == 0 ? null : current[^1],
    ["generatorCpuSeconds"] = generatorCpu,
    ["generatorWorkingSetMiB"] = Process.GetCurrentProcess().WorkingSet64 / 1048576,
};
Console.WriteLine("result " + result.ToJsonString());

using (var closing = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
{
    await Task.WhenAll(sockets.Select(async socket =>
    {
        try
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
    }));
}

return 0;

async Task<ClientWebSocket> SubscribeAsync(Uri uri)
{
    var socket = new ClientWebSocket();
    socket.Options.AddSubProtocol("graphql-transport-ws");
    await socket.ConnectAsync(uri, CancellationToken.None);
    await socket.SendAsync(init, WebSocketMessageType.Text, true, CancellationToken.None);
    await ExpectAsync(socket, "connection_ack");
    await socket.SendAsync(subscribe, WebSocketMessageType.Text, true, CancellationToken.None);
    // The subscription is joined while the server handles the message; the pong after it says it is in place.
    await socket.SendAsync("""{"type":"ping"}"""u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
    await ExpectAsync(socket, "pong");
    return socket;
}

static async Task ExpectAsync(ClientWebSocket socket, string type)
{
    var buffer = new byte[4096];
    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
    var message = JsonNode.Parse(buffer.AsSpan(0, result.Count));
    if (!result.EndOfMessage || message?["type"]?.GetValue<string>() != type)
    {
        throw new InvalidOperationException($"Expected {type}, received {Encoding.UTF8.GetString(buffer, 0, result.Count)}");
    }
}

// A lean reader (one reused buffer, no JSON DOM): it records when each version of the call arrived.
async Task ReadAsync(ClientWebSocket socket, int index)
{
    var buffer = new byte[8192];
    var next = "\"type\":\"next\""u8.ToArray();
    var marker = "\"version\":"u8.ToArray();
    while (true)
    {
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
            count += result.Count;
        }
        while (!result.EndOfMessage);

        if (result.MessageType == WebSocketMessageType.Close)
        {
            return;
        }

        var message = buffer.AsSpan(0, count);
        var at = message.IndexOf(marker);
        if (message.IndexOf(next) < 0 || at < 0 || !Utf8Parser.TryParse(message[(at + marker.Length)..], out long version, out _))
        {
            Interlocked.Increment(ref unexpected);
            continue;
        }

        if (version <= lastSeen[index])
        {
            Interlocked.Increment(ref repeated);
        }

        lastSeen[index] = Math.Max(lastSeen[index], version);
        if (version > 1 && version <= settings.LastVersion && received[(index * stride) + version] == 0)
        {
            received[(index * stride) + version] = Stopwatch.GetTimestamp();
        }

        if (version == settings.LastVersion)
        {
            return;
        }
    }
}
