using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Xunit;

namespace CallCenter.AppHost.Tests;

/// <summary>What Program.cs declares in each mode, read from the application model without starting anything.</summary>
public sealed class AppHostModelTests
{
    private static readonly string[] Services = ["ingestion", "persistence", "api"];

    [Fact]
    public async Task LocalModeRunsTheServersAsExecutablesAndGivesTheServicesTheirSettings()
    {
        var data = TestInstallation.NewDataFolder();
        try
        {
            await using var builder = await CreateAsync("local", data);
            var resources = builder.Resources.ToDictionary(resource => resource.Name);

            foreach (var server in new[] { "postgres", "redis", "storage", "asterisk" })
            {
                Assert.IsAssignableFrom<ExecutableResource>(resources[server]);
                Assert.True(resources[server].TryGetAnnotationsOfType<HealthCheckAnnotation>(out _), $"{server} has a health check");
            }

            Assert.Contains(resources["demo-calls"].Annotations, annotation => annotation is ExplicitStartupAnnotation);
            var persistence = await EnvironmentAsync(resources["persistence"], DistributedApplicationOperation.Run);
            var port = LocalPort(resources["postgres"]);
            Assert.Equal($"Host=127.0.0.1;Port={port};Username=postgres;Password={TestInstallation.Secret(data, "postgres-password")};Database=callcenterdb", persistence["ConnectionStrings__callcenterdb"]);
            Assert.Equal($"127.0.0.1:{LocalPort(resources["redis"])},password={TestInstallation.Secret(data, "redis-password")}", persistence["ConnectionStrings__redis"]);
            Assert.Contains($"AccountKey={TestInstallation.Secret(data, "storage-key")};BlobEndpoint=http://127.0.0.1:{LocalPort(resources["storage"])}/callcenter;", persistence["ConnectionStrings__blobs"], StringComparison.Ordinal);
            Assert.Equal($"http://127.0.0.1:{LocalPort(resources["asterisk"])}/ari/", persistence["Ari__BaseUrl"]);
            Assert.Equal("callcenter", persistence["Ari__Username"]);
            Assert.Equal(TestInstallation.Secret(data, "ari-password"), persistence["Ari__Password"]);
            Assert.Equal("call-center", persistence["Ari__Application"]);

            var api = await EnvironmentAsync(resources["api"], DistributedApplicationOperation.Run);
            Assert.Equal(TestInstallation.Secret(data, "jwt-signing-key"), api["Authentication__Jwt__SigningKeys__0"]);
            Assert.Equal(TestInstallation.Secret(data, "recording-link-key"), api["Recordings__LinkSigningKey"]);
            AssertWaits(resources["persistence"], "redis", "callcenterdb", "blobs", "asterisk");
            AssertWaits(resources["api"], "persistence", "ingestion");

            // The generated secrets are kept: a second declaration on the same folder reuses them.
            await using var again = await CreateAsync("local", data);
            Assert.Equal(persistence["Ari__Password"], (await EnvironmentAsync(again.Resources.Single(resource => resource.Name == "persistence"), DistributedApplicationOperation.Run))["Ari__Password"]);
        }
        finally
        {
            TestInstallation.Remove(data);
        }
    }

    [Fact]
    public async Task ContainerModeDeclaresPostgresRedisAzuriteAndAsteriskContainersWithVolumes()
    {
        var data = TestInstallation.NewDataFolder();
        await using var builder = await CreateAsync("container", data);
        var resources = builder.Resources.ToDictionary(resource => resource.Name);

        AssertImage(resources["postgres"], "library/postgres", "15");
        AssertImage(resources["redis"], "library/redis", "7.0");
        AssertImage(resources["storage"], "mcr.microsoft.com/azure-storage/azurite", "3.35.0");
        foreach (var server in new[] { "postgres", "redis", "storage" })
        {
            Assert.Contains(resources[server].Annotations.OfType<ContainerMountAnnotation>(), mount => mount.Type == ContainerMountType.Volume);
        }

        var asterisk = resources["asterisk"];
        var build = Assert.Single(asterisk.Annotations.OfType<DockerfileBuildAnnotation>());
        Assert.Equal(Path.Combine(CallCenter.LocalServers.Prerequisites.RepositoryRoot, "asterisk", "Containerfile"), build.DockerfilePath);
        Assert.Contains(asterisk.Annotations.OfType<EndpointAnnotation>(), endpoint => endpoint.Name == "sip" && endpoint.Protocol == System.Net.Sockets.ProtocolType.Udp);
        Assert.Contains(asterisk.Annotations.OfType<ContainerMountAnnotation>(), mount => mount.Type == ContainerMountType.BindMount);

        foreach (var service in Services)
        {
            var environment = await EnvironmentAsync(resources[service], DistributedApplicationOperation.Publish);
            Assert.Equal("{redis.connectionString}", environment["ConnectionStrings__redis"]);
            Assert.Contains("asterisk.bindings.ari", environment["Ari__BaseUrl"], StringComparison.Ordinal);
        }

        var persistence = await EnvironmentAsync(resources["persistence"], DistributedApplicationOperation.Publish);
        Assert.Equal("{callcenterdb.connectionString}", persistence["ConnectionStrings__callcenterdb"]);
        Assert.Equal("{blobs.connectionString}", persistence["ConnectionStrings__blobs"]);
        AssertWaits(resources["persistence"], "redis", "callcenterdb", "blobs", "asterisk");
    }

    private static Task<IDistributedApplicationTestingBuilder> CreateAsync(string mode, string data) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.CallCenter_AppHost>(
            ["--mode", mode, "--data-dir", data, "--any-ports"], TestContext.Current.CancellationToken);

    // The replacement (ExecutionConfigurationBuilder) needs a running application's execution context; this helper
    // evaluates the same environment callbacks on a model that is only declared.
#pragma warning disable CS0618
    private static async Task<Dictionary<string, string>> EnvironmentAsync(IResource resource, DistributedApplicationOperation operation) =>
        await ((IResourceWithEnvironment)resource).GetEnvironmentVariableValuesAsync(operation);
#pragma warning restore CS0618

    private static int LocalPort(IResource resource) => resource.Annotations.OfType<EndpointAnnotation>().First().Port!.Value;

    private static void AssertWaits(IResource resource, params string[] dependencies) =>
        Assert.Equal(dependencies.Order(StringComparer.Ordinal), resource.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name).Order(StringComparer.Ordinal));

    private static void AssertImage(IResource resource, string image, string tag)
    {
        var annotation = Assert.Single(resource.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Equal(image, annotation.Image);
        Assert.Equal(tag, annotation.Tag);
    }
}
