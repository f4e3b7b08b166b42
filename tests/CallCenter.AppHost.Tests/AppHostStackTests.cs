using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using System.Text.Json;
using Aspire.Hosting.Testing;
using CallCenter.Testing;
using Xunit;

namespace CallCenter.AppHost.Tests;

/// <summary>
/// The whole stack started by Aspire.Hosting.Testing in local mode (real PostgreSQL, Redis, Azurite, Asterisk and the
/// three services under DCP): a sipp call through Asterisk, answered by the sipp test agent, ends up in the call log.
/// </summary>
[Collection(nameof(AppHostStackTests))]
public sealed class AppHostStackTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ACallAnsweredByTheSippAgentIsLoggedCompletedWithADownloadableRecording()
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

            var caller = CallLog.NewCallerNumber();
            var sipp = new SippRunner(root.GetProperty("sip").GetProperty("port").GetInt32());
            var result = await sipp.PlaceCallsAsync(new SippCallOptions("2001") { CallerNumber = caller }, cancellationToken);
            Assert.True(result.AllSucceeded, $"sipp: {result}");

            using var log = new CallLog(root);
            var call = await log.WaitForCallAsync(
                caller,
                node => node["status"]!.GetValue<string>() == "COMPLETED" && node["recording"]?["available"]?.GetValue<bool>() == true,
                TimeSpan.FromSeconds(90),
                "COMPLETED with an available recording");
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

    private static string Describe(DistributedApplication app)
    {
        var model = app.Services.GetService(typeof(DistributedApplicationModel)) as DistributedApplicationModel;
        return string.Join(", ", (model?.Resources.ToList() ?? []).Select(resource =>
            app.ResourceNotifications.TryGetCurrentState(resource.Name, out var state)
                ? $"{resource.Name} {state.Snapshot.State?.Text}/{state.Snapshot.HealthStatus}"
                : $"{resource.Name} ?"));
    }
}
