using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallCenter.LocalServers;
using Xunit;

namespace CallCenter.AppHost.Tests;

/// <summary>
/// The AppHost as a user runs it: real PostgreSQL, Redis, Azurite, Asterisk and the three services as local
/// processes, calls placed with sipp, seen through the GraphQL API, then Ctrl+C and no process left.
/// </summary>
[Collection(nameof(AppHostEndToEndTests))]
public sealed class AppHostEndToEndTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);

    /// <summary>From SIP to the subscriber: Asterisk, ingestion, the Redis stream, persistence's commit, pub/sub, the API.</summary>
    private static readonly TimeSpan LiveUpdateTimeout = TimeSpan.FromSeconds(30);

    private const string CallUpdatedByNumber = "subscription($filter: CallFilter) { callUpdated(filter: $filter) { id status callerNumber } }";

    private const string LiveCallsChanged = "subscription { liveCallsChanged { callId live call { status callerNumber } } }";

    [Fact]
    public async Task StartsTheWholeStackServesCallsLiveAndCompletedWithRecordingsAndStopsWithoutLeavingAProcess()
    {
        var dataFolder = Path.Combine(TestContexts.NewFolder(), "data");
        string installationId;
        await using (var appHost = AppHostProcess.Start(dataFolder))
        {
            using var endpoints = await appHost.WaitForEndpointsAsync(StartTimeout);
            var root = endpoints.RootElement;
            foreach (var resource in root.GetProperty("resources").EnumerateArray())
            {
                Assert.True(resource.GetProperty("state").GetString() == "running", $"{resource.GetProperty("name")} is {resource.GetProperty("state")}\n{appHost.Tail()}");
            }

            Assert.Equal(
                ["api", "asterisk", "blobs", "callcenterdb", "ingestion", "persistence", "postgres", "redis", "storage"],
                root.GetProperty("resources").EnumerateArray().Select(resource => resource.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
            Assert.Contains("ConnectionStrings", File.ReadAllText(appHost.EndpointsFile), StringComparison.OrdinalIgnoreCase);
            // endpoints.json is written just before the table is printed.
            await appHost.WaitForOutputAsync("CallCenter is running", TimeSpan.FromSeconds(30));
            installationId = JsonNode.Parse(File.ReadAllText(Path.Combine(dataFolder, "secrets.json")))!["installationId"]!.GetValue<string>();

            var graphQl = root.GetProperty("graphQl").GetProperty("http").GetString()!;
            var token = root.GetProperty("jwt").GetProperty("token").GetString()!;
            var sipPort = root.GetProperty("sip").GetProperty("port").GetInt32();
            using var api = new HttpClient();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            // A frontend subscribes before the customer calls: it sees the call live, then its end.
            var caller = NewCallerNumber();
            await using var subscriber = await GraphQLSubscriptionClient.ConnectAsync(root.GetProperty("graphQl").GetProperty("webSocket").GetString()!, token);
            await subscriber.SubscribeAsync("call", CallUpdatedByNumber, new JsonObject { ["filter"] = new JsonObject { ["number"] = caller.TrimStart('+') } });
            await subscriber.SubscribeAsync("live", LiveCallsChanged);

            // The customer calls the echo number with audio: about 12 s of conversation.
            using var call = PlaceAnsweredCalls(sipPort, caller, talkMilliseconds: 4_000);
            var up = await subscriber.WaitForAsync("call", data => CallStatus(data) is "RINGING" or "ANSWERED", LiveUpdateTimeout);
            Assert.True(up is not null, $"No RINGING/ANSWERED update for the call from {caller} ({subscriber.Describe()}).\n{appHost.Tail()}");
            Assert.False(call.HasExited, $"The live update came only after the call ended ({subscriber.Describe()})");
            var callId = up!.Data["callUpdated"]!["id"]!.GetValue<string>();
            Assert.Equal(caller, up.Data["callUpdated"]!["callerNumber"]!.GetValue<string>());
            var joined = await subscriber.WaitForAsync("live", data => LiveChange(data, callId) == true, LiveUpdateTimeout);
            Assert.True(joined is not null, $"liveCallsChanged never added the call ({subscriber.Describe()})");

            await call.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(call.ExitCode == 0, $"sipp reported a failed call (exit {call.ExitCode})");

            var ended = await subscriber.WaitForAsync("call", data => CallId(data) == callId && CallStatus(data) == "COMPLETED", LiveUpdateTimeout);
            Assert.True(ended is not null, $"No COMPLETED update for the call ({subscriber.Describe()}).\n{appHost.Tail()}");
            Assert.True(up.ReceivedAt < ended!.ReceivedAt, "the live update came before the completion");
            Assert.DoesNotContain(subscriber.Updates("call"), update => update.ReceivedAt > ended.ReceivedAt && CallStatus(update.Data) is "RINGING" or "ANSWERED");
            var left = await subscriber.WaitForAsync("live", data => LiveChange(data, callId) == false, LiveUpdateTimeout);
            Assert.True(left is not null, $"liveCallsChanged never removed the call ({subscriber.Describe()})");

            // Then it is in the call log, completed, with a recording that downloads as WAV.
            var completed = await PollAsync(
                async () => (await QueryAsync(api, graphQl, "{ calls(first: 20) { nodes { id status callerNumber recording { available downloadUrl } } } }"))["calls"]!["nodes"]!.AsArray()
                    .FirstOrDefault(node => node!["id"]?.GetValue<string>() == callId
                        && node["status"]!.GetValue<string>() == "COMPLETED"
                        && node["recording"]?["available"]?.GetValue<bool>() == true),
                TimeSpan.FromSeconds(60));
            Assert.True(completed is not null, $"The call from {caller} did not become COMPLETED with an available recording.\n{appHost.Tail()}");
            var downloadPath = completed!["recording"]!["downloadUrl"]!.GetValue<string>();
            var audio = await api.GetByteArrayAsync(new Uri(new Uri(graphQl), downloadPath), TestContext.Current.CancellationToken);
            Assert.True(audio.Length > 10_000, $"recording of {audio.Length} bytes");
            Assert.Equal("RIFF"u8.ToArray(), audio[..4]);

            // The API signs download links with the installation's key, not a per-process one.
            var apiPid = root.GetProperty("resources").EnumerateArray().Single(resource => resource.GetProperty("name").GetString() == "api").GetProperty("pid").GetInt32();
            var linkKey = JsonNode.Parse(File.ReadAllText(Path.Combine(dataFolder, "secrets.json")))!["recordingLinkSigningKey"]!.GetValue<string>();
            Assert.Contains($"Recordings__LinkSigningKey={linkKey}", File.ReadAllText($"/proc/{apiPid}/environ").Split('\0'));

            var pids = root.GetProperty("resources").EnumerateArray()
                .Where(resource => resource.TryGetProperty("pid", out _))
                .Select(resource => resource.GetProperty("pid").GetInt32())
                .ToList();
            Assert.Equal(0, await appHost.InterruptAsync(StopTimeout));
            Assert.DoesNotContain(pids, AppHostProcess.IsAlive);
            appHost.AssertNoProcessLeft();
            Assert.False(File.Exists(appHost.EndpointsFile), "endpoints.json is removed at stop");
            Assert.Contains("stopping: services first", appHost.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("exited unexpectedly", appHost.Output, StringComparison.Ordinal);
            var output = appHost.Output;
            Assert.True(
                output.LastIndexOf("api          | stopped", StringComparison.Ordinal) < output.LastIndexOf("postgres     | stopped", StringComparison.Ordinal),
                "the API stops before PostgreSQL");

            // A second start reuses the installation: same secrets, and the call is still in the log.
            await using var again = AppHostProcess.Start(dataFolder);
            using var endpointsAgain = await again.WaitForEndpointsAsync(StartTimeout);
            Assert.Contains($"installation {installationId}: reusing", again.Output, StringComparison.Ordinal);
            using var apiAgain = new HttpClient();
            apiAgain.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Bearer", endpointsAgain.RootElement.GetProperty("jwt").GetProperty("token").GetString());
            var stillThere = (await QueryAsync(apiAgain, endpointsAgain.RootElement.GetProperty("graphQl").GetProperty("http").GetString()!, "{ calls(first: 50) { nodes { callerNumber } } }"))["calls"]!["nodes"]!
                .AsArray().Any(node => node!["callerNumber"]?.GetValue<string>() == caller);
            Assert.True(stillThere, "the call from the first run is still in the log");

            // A download link handed out before the restart still works after it (while it has not expired).
            var linkExpires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(new Uri(graphQl), downloadPath).Query)["expires"]!, System.Globalization.CultureInfo.InvariantCulture));
            if (DateTimeOffset.UtcNow < linkExpires - TimeSpan.FromSeconds(10))
            {
                using var anonymous = new HttpClient();
                using var stillValid = await anonymous.GetAsync(new Uri(new Uri(endpointsAgain.RootElement.GetProperty("graphQl").GetProperty("http").GetString()!), downloadPath), TestContext.Current.CancellationToken);
                Assert.True(stillValid.IsSuccessStatusCode, $"the link from before the restart answered {(int)stillValid.StatusCode}");
                Assert.Equal("RIFF"u8.ToArray(), (await stillValid.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken))[..4]);
            }
            else
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"The restart took longer than the link's lifetime (expired {linkExpires:O}): link reuse not checked.");
            }
            Assert.Equal(0, await again.InterruptAsync(StopTimeout));
            again.AssertNoProcessLeft();
        }
    }

    [Fact]
    public async Task CtrlCWhileStartingStopsEverythingThatAlreadyStarted()
    {
        var dataFolder = Path.Combine(TestContexts.NewFolder(), "data");
        await using var appHost = AppHostProcess.Start(dataFolder);
        await appHost.WaitForOutputAsync("ready (", StartTimeout);

        var exitCode = await appHost.InterruptAsync(StopTimeout);

        Assert.Equal(0, exitCode);
        Assert.Contains("stop requested while starting", appHost.Output, StringComparison.Ordinal);
        appHost.AssertNoProcessLeft();
        Assert.False(File.Exists(appHost.EndpointsFile));
    }

    [Fact]
    public async Task CtrlCDuringCallsStopsEverythingIncludingTheDemoCallersAndTheNextStartKeepsTheCalls()
    {
        var dataFolder = Path.Combine(TestContexts.NewFolder(), "data");
        var caller = NewCallerNumber();
        string installationId;
        var callIds = new HashSet<string>();
        await using (var appHost = AppHostProcess.Start(dataFolder, "--demo"))
        {
            using var endpoints = await appHost.WaitForEndpointsAsync(StartTimeout);
            var root = endpoints.RootElement;
            installationId = JsonNode.Parse(File.ReadAllText(Path.Combine(dataFolder, "secrets.json")))!["installationId"]!.GetValue<string>();
            await using var subscriber = await GraphQLSubscriptionClient.ConnectAsync(
                root.GetProperty("graphQl").GetProperty("webSocket").GetString()!, root.GetProperty("jwt").GetProperty("token").GetString()!);
            await subscriber.SubscribeAsync("call", CallUpdatedByNumber, new JsonObject { ["filter"] = new JsonObject { ["number"] = caller.TrimStart('+') } });

            // Three long calls with audio, one every 2 s, besides the demo's own sipp callers; Ctrl+C once two are talking.
            using var calls = PlaceAnsweredCalls(root.GetProperty("sip").GetProperty("port").GetInt32(), caller, talkMilliseconds: 60_000, calls: 3, everyMilliseconds: 2_000);
            try
            {
                var deadline = Stopwatch.StartNew();
                while (callIds.Count < 2 && deadline.Elapsed < LiveUpdateTimeout)
                {
                    await subscriber.WaitForAsync("call", data => CallStatus(data) == "ANSWERED" && !callIds.Contains(CallId(data)!), LiveUpdateTimeout - deadline.Elapsed);
                    callIds.UnionWith(subscriber.Updates("call").Where(update => CallStatus(update.Data) == "ANSWERED").Select(update => CallId(update.Data)!));
                }

                Assert.True(callIds.Count >= 2, $"Two calls from {caller} were not seen answered ({subscriber.Describe()}).\n{appHost.Tail()}");
                Assert.False(calls.HasExited, "the calls were still up when Ctrl+C came");
                var sippStartedByTheAppHost = Directory.GetFiles(appHost.PidRegistry).Select(File.ReadAllText).Where(entry => entry.Contains("sipp", StringComparison.Ordinal)).ToList();
                Assert.True(sippStartedByTheAppHost.Count > 0, $"the demo started no sipp process:\n{appHost.Tail()}");
                var processes = appHost.Descendants();
                Assert.Contains(processes, process => process.Command == "sipp");

                Assert.Equal(0, await appHost.InterruptAsync(StopTimeout));

                var left = processes.Where(process => process.IsAlive).ToList();
                Assert.True(left.Count == 0, $"Left running: {string.Join("; ", left)}");
                appHost.AssertNoProcessLeft();
                Assert.False(File.Exists(appHost.EndpointsFile), "endpoints.json is removed at stop");
                Assert.DoesNotContain("exited unexpectedly", appHost.Output, StringComparison.Ordinal);
                await subscriber.Closed.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
                Assert.True(subscriber.CloseStatus == System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, $"the API closes subscriptions with 1001 when it stops ({subscriber.Describe()})");
            }
            finally
            {
                if (!calls.HasExited)
                {
                    calls.Kill();
                }
            }
        }

        // A second start reuses the installation: same secrets, and the interrupted calls are in the log.
        await using var again = AppHostProcess.Start(dataFolder);
        using var endpointsAgain = await again.WaitForEndpointsAsync(StartTimeout);
        Assert.Contains($"installation {installationId}: reusing", again.Output, StringComparison.Ordinal);
        using var api = new HttpClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", endpointsAgain.RootElement.GetProperty("jwt").GetProperty("token").GetString());
        var logged = (await QueryAsync(api, endpointsAgain.RootElement.GetProperty("graphQl").GetProperty("http").GetString()!, $$"""{ calls(first: 20, filter: { number: "{{caller.TrimStart('+')}}" }) { nodes { id status } } }"""))["calls"]!["nodes"]!
            .AsArray().Select(node => node!["id"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(callIds, logged);
        Assert.Equal(0, await again.InterruptAsync(StopTimeout));
        again.AssertNoProcessLeft();
    }

    [Fact]
    public async Task MissingPrerequisitesEndWithOneMessageNamingThemAndTheInstallCommand()
    {
        var dataFolder = Path.Combine(TestContexts.NewFolder(), "data");
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var configuration = typeof(AppHostEndToEndTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .Cast<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
        foreach (var argument in new[] { Path.Combine(Prerequisites.RepositoryRoot, "CallCenter.AppHost", "bin", configuration, "net10.0", "CallCenter.AppHost.dll"), "--data-dir", dataFolder, "--mode", "local" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["CALLCENTER_PG_BIN"] = "/nonexistent/postgresql/bin";
        startInfo.Environment["CALLCENTER_ASTERISK_ROOTFS"] = "/nonexistent/rootfs";
        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken) + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        var message = Assert.Single(output.Split('\n'), line => line.Contains("Missing prerequisites", StringComparison.Ordinal));
        Assert.Contains("PostgreSQL 15", message, StringComparison.Ordinal);
        Assert.Contains("Asterisk root filesystem", message, StringComparison.Ordinal);
        Assert.Contains("sudo eng/install-prereqs.sh", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// sipp calling 2000 (answered, recorded, echoes the audio) from <paramref name="caller"/>: <paramref name="calls"/>
    /// calls, one every <paramref name="everyMilliseconds"/>, each about 8.5 s of audio plus <paramref name="talkMilliseconds"/>.
    /// </summary>
    private static Process PlaceAnsweredCalls(int sipPort, string caller, int talkMilliseconds, int calls = 1, int everyMilliseconds = 1_000)
    {
        var scenario = Path.Combine(Prerequisites.RepositoryRoot, "CallCenter.AppHost", "Demo", "answered.xml");
        var startInfo = new ProcessStartInfo(Prerequisites.Sipp) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-sf", scenario, "-s", "2000", $"127.0.0.1:{sipPort}", "-i", "127.0.0.1",
            "-p", PortAllocator.GetFreePort(alsoUdp: true).ToString(CultureInfo.InvariantCulture),
            "-mp", PortAllocator.GetFreePort(alsoUdp: true).ToString(CultureInfo.InvariantCulture),
            "-key", "caller", caller, "-key", "caller_name", "End To End",
            "-d", talkMilliseconds.ToString(CultureInfo.InvariantCulture),
            "-m", calls.ToString(CultureInfo.InvariantCulture), "-l", calls.ToString(CultureInfo.InvariantCulture),
            "-r", "1", "-rp", everyMilliseconds.ToString(CultureInfo.InvariantCulture),
            "-timeout", $"{60 + ((talkMilliseconds + (calls * everyMilliseconds)) / 1000)}s", "-nostdin",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static string NewCallerNumber() => $"+99890{Random.Shared.Next(1_000_000, 9_999_999)}";

    private static string? CallId(JsonNode data) => data["callUpdated"]?["id"]?.GetValue<string>();

    private static string? CallStatus(JsonNode data) => data["callUpdated"]?["status"]?.GetValue<string>();

    /// <summary>liveCallsChanged's "live" for <paramref name="callId"/>, null for another call.</summary>
    private static bool? LiveChange(JsonNode data, string callId) =>
        data["liveCallsChanged"] is { } change && change["callId"]?.GetValue<string>() == callId ? change["live"]!.GetValue<bool>() : null;

    private static async Task<JsonNode> QueryAsync(HttpClient api, string url, string query)
    {
        using var response = await api.PostAsJsonAsync(url, new { query });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GraphQL answered {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        Assert.True(json["errors"] is null, $"GraphQL errors: {json["errors"]}");
        return json["data"]!;
    }

    private static async Task<T?> PollAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(300);
        }

        return null;
    }
}
