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
/// softphone, ends up in the call log; so does agent 1002's call out through the trunk to the simulated provider.
/// </summary>
[Collection(nameof(AppHostStackTests))]
public sealed class AppHostStackTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    /// <summary>A number with no route of its own: the main line, which rings every agent (asterisk/README.md).</summary>
    private const string MainLine = "5550100";
    private const string Agent = "1001";

    /// <summary>An outside number the bundled stack's simulated provider answers (asterisk/README.md), and who calls it.</summary>
    private const string OutsideNumber = "5551234";
    private const string CallingAgent = "1002";

    [Fact]
    public async Task AMainLineCallAnsweredByARegisteredAgentAndAnAgentsCallOutAreLoggedCompletedWithDownloadableRecordings()
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
            var password = AgentPassword(sip, Agent);
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

            // Agent 1002 calls an outside number: the bundled stack's trunk leads to the simulated provider that
            // endpoints.json describes, and its 5551234 answers and echoes (asterisk/README.md).
            Assert.Equal("5552XXX", root.GetProperty("provider").GetProperty("numbers").GetProperty("ringsOut").GetString());
            var outbound = await new SippRunner(sipPort).PlaceCallsAsync(
                new SippCallOptions(OutsideNumber) { Agent = new SippAgentLogin(CallingAgent, AgentPassword(sip, CallingAgent)), TalkTime = TimeSpan.FromSeconds(3), Timeout = TimeSpan.FromSeconds(30) },
                cancellationToken);
            Assert.True(outbound.AllSucceeded, $"sipp as agent {CallingAgent}: {outbound}");
            var placed = await log.WaitForCallToAsync(
                OutsideNumber,
                node => node["agentExtension"]?.GetValue<string>() == CallingAgent && node["recording"]?["available"]?.GetValue<bool>() == true,
                TimeSpan.FromSeconds(90),
                $"placed by agent {CallingAgent} with an available recording");
            Assert.Equal("OUTBOUND", placed["direction"]!.GetValue<string>());
            Assert.Equal("COMPLETED", placed["status"]!.GetValue<string>());
            Assert.InRange(placed["talkSeconds"]!.GetValue<double>(), 2, 4.5);

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

    private static string AgentPassword(JsonElement sip, string extension) => sip.GetProperty("agents").EnumerateArray()
        .Single(agent => agent.GetProperty("username").GetString() == extension).GetProperty("password").GetString()!;

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
