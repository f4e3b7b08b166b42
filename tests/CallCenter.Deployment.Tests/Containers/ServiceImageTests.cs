using CallCenter.Testing;
using Npgsql;

namespace CallCenter.Deployment.Tests.Containers;

/// <summary>
/// The SDK-built images of the three services, run by podman against the real local PostgreSQL, Redis, Azurite and
/// Asterisk with the settings a deployment gives them as environment variables. Blob storage is reached by connection
/// string here (Azurite's account key); the account-URL path with a token credential is proven against Azurite over
/// https by the persistence tests (BlobAccountUrlTests).
/// </summary>
[Collection(ServiceImagesCollection.Name)]
public sealed class ServiceImageTests(ServiceImages images, PostgresFixture postgres, RedisFixture redis, AzuriteFixture azurite, AsteriskFixture asterisk)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(120);

    [Fact(SkipUnless = nameof(Podman.IsInstalled), SkipType = typeof(Podman), Skip = Podman.SkipReason)]
    public async Task The_images_run_as_non_root_and_their_health_becomes_healthy()
    {
        foreach (var service in new[] { "ingestion", "persistence", "api" })
        {
            Assert.Equal("1654", await Podman.InspectImageAsync(images[service].Reference, "{{.Config.User}}"));
        }

        var stack = await ContainerStack.StartAsync(images, await NewSettingsAsync(), withApi: true);
        await using (stack)
        {
            foreach (var container in stack.Containers)
            {
                Assert.True(container.IsRunning, $"{container.Name} stopped");
                TestContext.Current.TestOutputHelper?.WriteLine($"{container.Name}: healthy {container.StartupTime.TotalSeconds:0.0} s after podman run");
            }
        }
    }

    [Fact(SkipUnless = nameof(Podman.IsInstalled), SkipType = typeof(Podman), Skip = Podman.SkipReason)]
    public async Task A_recorded_call_goes_through_the_ingestion_and_worker_containers_into_postgres_and_blob_storage()
    {
        var settings = await NewSettingsAsync();
        await using var stack = await ContainerStack.StartAsync(images, settings, withApi: false);

        var result = await asterisk.Sipp.PlaceCallsAsync(
            new SippCallOptions("2000") { CallerNumber = "998901234567" }, TestContext.Current.CancellationToken);
        Assert.True(result.AllSucceeded, result.ToString());

        var blobName = await WaitForUploadedRecordingAsync(settings.Database);
        var blob = azurite.CreateClient().GetBlobContainerClient("recordings").GetBlobClient(blobName);
        var properties = await blob.GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(properties.Value.ContentLength > 1000, $"the recording {blobName} holds {properties.Value.ContentLength} bytes");
    }

    private async Task<ContainerSettings> NewSettingsAsync() => new(
        await postgres.CreateDatabaseAsync("images"),
        redis.ConnectionString,
        azurite.ConnectionString,
        asterisk.Server,
        $"images:{Guid.NewGuid():N}");

    /// <summary>The blob name of the call's recording once the worker has uploaded it.</summary>
    private static async Task<string> WaitForUploadedRecordingAsync(string database)
    {
        var deadline = DateTime.UtcNow + CallTimeout;
        while (true)
        {
            await using (var connection = new NpgsqlConnection(database))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand(
                    "SELECT r.blob_name FROM recordings r JOIN calls c ON c.id = r.call_id WHERE c.caller_number = '998901234567' AND r.uploaded_at IS NOT NULL",
                    connection);
                if (await command.ExecuteScalarAsync() is string blobName)
                {
                    return blobName;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no uploaded recording of the call after {CallTimeout.TotalSeconds:0} s");
            await Task.Delay(250);
        }
    }
}
