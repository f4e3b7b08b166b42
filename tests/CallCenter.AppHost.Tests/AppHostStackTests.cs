using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using System.Text.Json;
using Aspire.Hosting.Testing;
using CallCenter.Testing;
using Xunit;

namespace CallCenter.AppHost.Tests;

/// <summary>
/// The whole stack started by Aspire.Hosting.Testing in local mode (real PostgreSQL, Redis, Azurite, Asterisk and the
/// three services under DCP): a trunk call to the main line through Asterisk, answered by agent 1001's registered sipp
/// softphone, ends up in the call log.
/// </summary>
[Collection(nameof(AppHostStackTests))]
public sealed class AppHostStackTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    /// <summary>A number with no route of its own: the main line, which rings every agent (asterisk/README.md).</summary>
    private const string MainLine = "5550100";
    private const string Agent = "1001";

    [Fact]
    public async Task AMainLineCallAnsweredByARegisteredAgentIsLoggedCompletedWithADownloadableRecording()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var data = TestInstallation.NewDataFolder();
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CallCenter_AppHost>(
                ["--mode", "local", "--data-dir", data, "--any-ports"], cancellationToken);
            await using var app = await builder.BuildAsync(cancellationToken);
            using var starting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            starting.CancelAfter(StartTimeout);
            try
            {
                await app.StartAsync(starting.Token);
                await app.ResourceNotifications.WaitForResourceHealthyAsync("api", starting.Token);
            }
            catch (OperationCanceledException) when (starting.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"The stack was not healthy within {StartTimeout.TotalMinutes:0} min: {Describe(app)}");
            }

            using var endpoints = await WaitForEndpointsFileAsync(Path.Combine(data, "endpoints.json"), cancellationToken);
            var root = endpoints.RootElement;
            Assert.Equal(["api", "asterisk", "blobs", "callcenterdb", "ingestion", "persistence", "postgres", "redis", "storage"],
                root.GetProperty("resources").EnumerateArray().Select(resource => resource.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
            Assert.Equal(root.GetProperty("graphQL").GetRawText(), root.GetProperty("graphQl").GetRawText());

            // Agent 1001's softphone registers with the installation's generated password; the trunk call to the
            // main line rings every agent, and only 1001 is registered to answer it.
            var sip = root.GetProperty("sip");
            var sipPort = sip.GetProperty("port").GetInt32();
            var password = sip.GetProperty("agents").EnumerateArray()
                .Single(agent => agent.GetProperty("username").GetString() == Agent).GetProperty("password").GetString()!;
            using var ari = AriClient(root.GetProperty("ari"));
            await using var phone = await SippSoftphone.RegisterAsync(ari, sipPort, Agent, password, ringFor: TimeSpan.FromSeconds(1), cancellationToken: cancellationToken);

            var caller = CallLog.NewCallerNumber();
            var result = await new SippRunner(sipPort).PlaceCallsAsync(new SippCallOptions(MainLine) { CallerNumber = caller }, cancellationToken);
            Assert.True(result.AllSucceeded, $"sipp: {result}\n--- agent {Agent}'s softphone ---\n{phone.Tail()}");

            using var log = new CallLog(root);
            var call = await log.WaitForCallAsync(
                caller,
                node => node["status"]!.GetValue<string>() == "COMPLETED" && node["recording"]?["available"]?.GetValue<bool>() == true,
                TimeSpan.FromSeconds(90),
                "COMPLETED with an available recording");
            Assert.Equal(Agent, call["agentExtension"]?.GetValue<string>());
            var audio = await log.DownloadAsync(call["recording"]!["downloadUrl"]!.GetValue<string>());
            Assert.True(audio.Length > 10_000, $"recording of {audio.Length} bytes");
            Assert.Equal("RIFF"u8.ToArray(), audio[..4]);

            await app.StopAsync(cancellationToken);
        }
        finally
        {
            TestInstallation.Remove(data);
        }
    }

    private static async Task<JsonDocument> WaitForEndpointsFileAsync(string path, CancellationToken cancellationToken)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(250))
        {
            if (File.Exists(path))
            {
                return JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken));
            }

            await Task.Delay(250, cancellationToken);
        }

        Assert.Fail($"{path} was not written within 60 s of the API being healthy");
        return null!;
    }

    /// <summary>ARI's REST API with the credentials endpoints.json gives.</summary>
    private static HttpClient AriClient(JsonElement ari)
    {
        var client = new HttpClient { BaseAddress = new Uri(ari.GetProperty("baseUrl").GetString()!), Timeout = TimeSpan.FromSeconds(10) };
        var credentials = $"{ari.GetProperty("username").GetString()}:{ari.GetProperty("password").GetString()}";
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)));
        return client;
    }

    private static string Describe(DistributedApplication app)
    {
        var model = app.Services.GetService(typeof(DistributedApplicationModel)) as DistributedApplicationModel;
        return string.Join(", ", (model?.Resources.ToList() ?? []).Select(resource =>
            app.ResourceNotifications.TryGetCurrentState(resource.Name, out var state)
                ? $"{resource.Name} {state.Snapshot.State?.Text}/{state.Snapshot.HealthStatus}"
                : $"{resource.Name} ?"));
    }
}
