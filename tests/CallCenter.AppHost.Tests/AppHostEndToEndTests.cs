using System.Diagnostics;
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
            Assert.Contains("CallCenter is running", appHost.Output, StringComparison.Ordinal);
            installationId = JsonNode.Parse(File.ReadAllText(Path.Combine(dataFolder, "secrets.json")))!["installationId"]!.GetValue<string>();

            var graphQl = root.GetProperty("graphQl").GetProperty("http").GetString()!;
            var token = root.GetProperty("jwt").GetProperty("token").GetString()!;
            var sipPort = root.GetProperty("sip").GetProperty("port").GetInt32();
            using var api = new HttpClient();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            // A customer calls the echo number with audio; the call is seen live while it lasts.
            var caller = $"+99890{Random.Shared.Next(1_000_000, 9_999_999)}";
            var call = PlaceAnsweredCall(sipPort, caller, talkMilliseconds: 4_000);
            var live = await PollAsync(
                async () => (await QueryAsync(api, graphQl, "{ liveCalls { id status callerNumber } }"))["liveCalls"]!.AsArray()
                    .FirstOrDefault(node => node!["callerNumber"]?.GetValue<string>() == caller),
                TimeSpan.FromSeconds(12));
            Assert.True(live is not null, $"The call from {caller} was not in liveCalls while it lasted.\n{appHost.Tail()}");
            Assert.Contains(live!["status"]!.GetValue<string>(), new[] { "RINGING", "ANSWERED" });

            await call.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(call.ExitCode == 0, $"sipp reported a failed call (exit {call.ExitCode})");

            // Then it is in the call log, completed, with a recording that downloads as WAV.
            var completed = await PollAsync(
                async () => (await QueryAsync(api, graphQl, "{ calls(first: 20) { nodes { id status callerNumber recording { available downloadUrl } } } }"))["calls"]!["nodes"]!.AsArray()
                    .FirstOrDefault(node => node!["callerNumber"]?.GetValue<string>() == caller
                        && node["status"]!.GetValue<string>() == "COMPLETED"
                        && node["recording"]?["available"]?.GetValue<bool>() == true),
                TimeSpan.FromSeconds(60));
            Assert.True(completed is not null, $"The call from {caller} did not become COMPLETED with an available recording.\n{appHost.Tail()}");
            var download = new Uri(new Uri(graphQl), completed!["recording"]!["downloadUrl"]!.GetValue<string>());
            var audio = await api.GetByteArrayAsync(download, TestContext.Current.CancellationToken);
            Assert.True(audio.Length > 10_000, $"recording of {audio.Length} bytes");
            Assert.Equal("RIFF"u8.ToArray(), audio[..4]);

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

    private static Process PlaceAnsweredCall(int sipPort, string caller, int talkMilliseconds)
    {
        var scenario = Path.Combine(Prerequisites.RepositoryRoot, "CallCenter.AppHost", "Demo", "answered.xml");
        var startInfo = new ProcessStartInfo(Prerequisites.Sipp) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-sf", scenario, "-s", "2000", $"127.0.0.1:{sipPort}", "-i", "127.0.0.1",
            "-p", PortAllocator.GetFreePort(alsoUdp: true).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-mp", PortAllocator.GetFreePort(alsoUdp: true).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-key", "caller", caller, "-key", "caller_name", "End To End",
            "-d", talkMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-m", "1", "-timeout", "60s", "-nostdin",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

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
