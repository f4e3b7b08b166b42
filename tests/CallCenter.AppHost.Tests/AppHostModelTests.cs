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

            // Parameter values resolve only in a started application: the model shows them as references.
            Assert.Equal(
                $"Host=127.0.0.1;Port={LocalPort(resources["postgres"])};Username=postgres;Password={{postgres-password.value}}",
                ((IResourceWithConnectionString)resources["postgres"]).ConnectionStringExpression.ValueExpression);
            Assert.Equal("{postgres.connectionString};Database=callcenterdb", ((IResourceWithConnectionString)resources["callcenterdb"]).ConnectionStringExpression.ValueExpression);
            Assert.Equal(
                $"127.0.0.1:{LocalPort(resources["redis"])},password={{redis-password.value}}",
                ((IResourceWithConnectionString)resources["redis"]).ConnectionStringExpression.ValueExpression);
            Assert.Contains(
                $"AccountKey={{storage-key.value}};BlobEndpoint=http://127.0.0.1:{LocalPort(resources["storage"])}/callcenter;",
                ((IResourceWithConnectionString)resources["blobs"]).ConnectionStringExpression.ValueExpression,
                StringComparison.Ordinal);

            var persistence = await EnvironmentAsync(resources["persistence"], DistributedApplicationOperation.Publish);
            Assert.Equal("{callcenterdb.connectionString}", persistence["ConnectionStrings__callcenterdb"]);
            Assert.Equal("{redis.connectionString}", persistence["ConnectionStrings__redis"]);
            Assert.Equal("{blobs.connectionString}", persistence["ConnectionStrings__blobs"]);
            Assert.Equal($"http://127.0.0.1:{LocalPort(resources["asterisk"])}/ari/", persistence["Ari__BaseUrl"]);
            Assert.Equal("callcenter", persistence["Ari__Username"]);
            Assert.Equal("{ari-password.value}", persistence["Ari__Password"]);
            Assert.Equal("call-center", persistence["Ari__Application"]);

            var api = await EnvironmentAsync(resources["api"], DistributedApplicationOperation.Publish);
            Assert.Equal("{jwt-signing-key.value}", api["Authentication__Jwt__SigningKeys__0"]);
            Assert.Equal("{recording-link-key.value}", api["Recordings__LinkSigningKey"]);
            AssertWaits(resources["persistence"], "redis", "callcenterdb", "blobs", "asterisk");
            AssertWaits(resources["api"], "persistence", "ingestion");

            // The local servers were configured with generated secrets, kept for the next run and reused by it.
            var secrets = File.ReadAllText(Path.Combine(data, "secrets.json"));
            Assert.Contains("\"ari-password\"", secrets, StringComparison.Ordinal);
            await using var again = await CreateAsync("local", data);
            Assert.Equal(secrets, File.ReadAllText(Path.Combine(data, "secrets.json")));
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
        // --servers container: the declaration whatever images this machine's engine has (else they fall back to processes).
        await using var builder = await CreateAsync("container", data, "--servers", "container");
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

    [Fact]
    public async Task ContainerModeWithLocalServersRunsAsteriskAloneAsAContainer()
    {
        // What --mode container falls back to when the engine has no PostgreSQL, Redis or Azurite image. Declaring starts
        // nothing and writes no instance folder, so there is nothing to remove (like the container-mode test above).
        await using var builder = await CreateAsync("container", TestInstallation.NewDataFolder(), "--servers", "local");
        var resources = builder.Resources.ToDictionary(resource => resource.Name);

        foreach (var server in new[] { "postgres", "redis", "storage" })
        {
            Assert.IsAssignableFrom<ExecutableResource>(resources[server]);
        }

        var build = Assert.Single(resources["asterisk"].Annotations.OfType<DockerfileBuildAnnotation>());
        Assert.Contains("BASE_IMAGE", build.BuildArguments.Keys);
        Assert.Contains(resources["asterisk"].Annotations.OfType<ContainerMountAnnotation>(), mount => mount.Type == ContainerMountType.BindMount);
    }

    private static Task<IDistributedApplicationTestingBuilder> CreateAsync(string mode, string data, params string[] more) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.CallCenter_AppHost>(
            ["--mode", mode, "--data-dir", data, "--any-ports", .. more], TestContext.Current.CancellationToken);

    // The replacement (ExecutionConfigurationBuilder) needs a running application's execution context; this helper
    // evaluates the same environment callbacks on a model that is only declared.
#pragma warning disable CS0618
    private static async Task<Dictionary<string, string>> EnvironmentAsync(IResource resource, DistributedApplicationOperation operation) =>
        await ((IResourceWithEnvironment)resource).GetEnvironmentVariableValuesAsync(operation);
#pragma warning restore CS0618

    private static int LocalPort(IResource resource) => resource.Annotations.OfType<EndpointAnnotation>().First().Port!.Value;

    /// <summary>Waits for at least these (Aspire adds the servers of the databases it waits for).</summary>
    private static void AssertWaits(IResource resource, params string[] dependencies) =>
        Assert.Superset(dependencies.ToHashSet(), resource.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name).ToHashSet());

    private static void AssertImage(IResource resource, string image, string tag)
    {
        var annotation = Assert.Single(resource.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Equal(image, annotation.Image);
        Assert.Equal(tag, annotation.Tag);
    }
}
