using CallCenter.AppHost.Hosting;
using CallCenter.AppHost.Hosting.Orchestration;
using CallCenter.AppHost.Hosting.Resources;
using Xunit;

namespace CallCenter.AppHost.Tests;

public sealed class ResourceGraphTests
{
    [Fact]
    public void TheStackStartsInfrastructureFirstAndStopsServicesFirst()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var postgres = builder.AddPostgres("postgres");
        var database = postgres.AddDatabase("callcenterdb");
        var redis = builder.AddRedis("redis");
        var blobs = builder.AddAzureStorage("storage").RunAsEmulator().AddBlobs("blobs");
        var asterisk = builder.AddAsterisk("asterisk");
        var ingestion = builder.AddProject("ingestion", "src/I/I.csproj").WithReference(redis).WithReference(asterisk).WaitFor(redis).WaitFor(asterisk);
        var persistence = builder.AddProject("persistence", "src/P/P.csproj").WithReference(database).WithReference(blobs).WaitFor(database).WaitFor(blobs).WaitFor(redis);
        builder.AddProject("api", "src/A/A.csproj").WithReference(database).WaitFor(persistence).WaitFor(ingestion);

        var graph = ResourceGraph.Build(builder.Resources);

        Assert.Equal(
            [["postgres", "redis", "storage", "asterisk"], ["callcenterdb", "blobs", "ingestion"], ["persistence"], ["api"]],
            graph.Waves.Select(wave => wave.Select(resource => resource.Name).ToArray()).ToArray());
        Assert.Equal("api", graph.StopWaves.First().Single().Name);
        Assert.Equal(["postgres", "redis", "storage", "asterisk"], graph.StopWaves.Last().Select(resource => resource.Name));
    }

    [Fact]
    public void ACycleIsRefusedNamingItsMembers()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var first = builder.AddProject("first", "a.csproj");
        var second = builder.AddProject("second", "b.csproj").WaitFor(first);
        first.WaitFor(second);

        var error = Assert.Throws<InvalidOperationException>(() => ResourceGraph.Build(builder.Resources));

        Assert.Contains("first -> second -> first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReferencesBecomeAspireStyleEnvironmentVariables()
    {
        var context = TestContexts.Container();
        var builder = DistributedApplication.CreateBuilder([]);
        var redis = builder.AddRedis("redis");
        var database = builder.AddPostgres("postgres").AddDatabase("callcenterdb");
        var asterisk = builder.AddAsterisk("asterisk");
        var project = builder.AddProject("api", "src/CallCenter.Api/CallCenter.Api.csproj")
            .WithReference(redis).WithReference(database).WithReference(asterisk).WithDevelopmentJwt().WithRecordingLinkSigningKey();
        foreach (var resource in ResourceGraph.Build(builder.Resources).StartOrder)
        {
            resource.Bind(context);
        }

        var environment = project.Resource.BuildEnvironment(context);

        Assert.Equal(redis.Resource.ConnectionString, environment["ConnectionStrings__redis"]);
        Assert.EndsWith(";Database=callcenterdb", environment["ConnectionStrings__callcenterdb"], StringComparison.Ordinal);
        Assert.Equal($"http://127.0.0.1:{asterisk.Resource.AriPort}/ari/", environment["Ari__BaseUrl"]);
        Assert.Equal("callcenter", environment["Ari__Username"]);
        Assert.Equal(context.Secrets.AriPassword, environment["Ari__Password"]);
        Assert.Equal("call-center", environment["Ari__Application"]);
        Assert.Equal($"http://127.0.0.1:{project.Resource.HttpPort}", environment["ASPNETCORE_URLS"]);
        Assert.Equal("api", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal(context.Secrets.JwtSigningKey, environment["Authentication__Jwt__SigningKeys__0"]);
        // The API binds RecordingAccessOptions from "Recordings"; the installation's key keeps links valid across restarts.
        Assert.Equal(context.Secrets.RecordingLinkSigningKey, environment["Recordings__LinkSigningKey"]);
    }

    [Fact]
    public void RestartsBackOffExponentiallyUpToThirtySecondsAndRecoverAfterAStableMinute()
    {
        var policy = new RestartPolicy();

        var delays = Enumerable.Range(0, 7).Select(_ => policy.NextDelay(TimeSpan.FromSeconds(2)).TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], delays);
        Assert.Equal(1, policy.NextDelay(TimeSpan.FromMinutes(5)).TotalSeconds);
        Assert.Equal(8, policy.Restarts);
    }
}
