using CallCenter.AppHost.Hosting.Containers;
using CallCenter.AppHost.Hosting.Installation;
using CallCenter.AppHost.Hosting.Resources;
using Xunit;

namespace CallCenter.AppHost.Tests;

/// <summary>The exact commands container mode would issue (no engine runs here, so these are what we can check).</summary>
public sealed class ContainerCommandTests
{
    private static readonly InstallationSecrets Secrets = InstallationSecrets.Generate() with { InstallationId = "abc123" };

    [Fact]
    public void PostgresRunsTheOfficialImageOnLoopbackWithItsDataFolderAndThePasswordOutOfTheCommandLine()
    {
        var context = TestContexts.Container(Secrets);
        var postgres = new PostgresServerResource("postgres");
        postgres.Bind(context);

        var server = Assert.IsType<ContainerServer>(postgres.Server);
        var data = context.DataFolder.ResourceDirectory("postgres");
        Assert.Equal(
            [
                "run", "--rm", "--name", "callcenter-abc123-postgres",
                "--label", "dev.callcenter.installation=abc123", "--label", "dev.callcenter.resource=postgres",
                "--publish", $"127.0.0.1:{postgres.Port}:5432",
                "--volume", $"{data}:/var/lib/postgresql/data",
                "--env", "PGDATA=/var/lib/postgresql/data/cluster", "--env", "POSTGRES_USER=postgres",
                "--env", "POSTGRES_PASSWORD",
                "docker.io/library/postgres:15",
            ],
            server.Spec.RunArguments());
        Assert.DoesNotContain(server.Spec.RunArguments(), argument => argument.Contains(Secrets.PostgresPassword, StringComparison.Ordinal));
        Assert.Equal(Secrets.PostgresPassword, server.Spec.SecretEnvironment["POSTGRES_PASSWORD"]);
    }

    [Fact]
    public void RedisReadsItsPasswordFromTheEnvironmentAndKeepsAnAppendOnlyFile()
    {
        var context = TestContexts.Container(Secrets);
        var redis = new RedisResource("redis");
        redis.Bind(context);

        var server = Assert.IsType<ContainerServer>(redis.Server);
        Assert.Equal(
            [
                "run", "--rm", "--name", "callcenter-abc123-redis",
                "--label", "dev.callcenter.installation=abc123", "--label", "dev.callcenter.resource=redis",
                "--publish", $"127.0.0.1:{redis.Port}:6379",
                "--volume", $"{context.DataFolder.ResourceDirectory("redis")}:/data",
                "--env", "REDIS_PASSWORD",
                "docker.io/library/redis:7.0",
                "sh", "-c", "exec redis-server --appendonly yes --save '' --requirepass \"$REDIS_PASSWORD\"",
            ],
            server.Spec.RunArguments());
        Assert.Equal($"127.0.0.1:{redis.Port},password={Secrets.RedisPassword}", redis.ConnectionString);
    }

    [Fact]
    public void AzuriteRunsTheBlobServiceWithTheGeneratedAccountAndSkipsTheApiVersionCheck()
    {
        var context = TestContexts.Container(Secrets);
        var storage = new AzureStorageResource("storage") { IsEmulator = true };
        storage.Bind(context);

        var server = Assert.IsType<ContainerServer>(storage.Server);
        Assert.Equal(
            [
                "run", "--rm", "--name", "callcenter-abc123-storage",
                "--label", "dev.callcenter.installation=abc123", "--label", "dev.callcenter.resource=storage",
                "--publish", $"127.0.0.1:{storage.BlobPort}:10000",
                "--volume", $"{context.DataFolder.ResourceDirectory("storage")}:/data",
                "--env", "AZURITE_ACCOUNTS",
                "mcr.microsoft.com/azure-storage/azurite:3.35.0",
                "azurite-blob", "--blobHost", "0.0.0.0", "--blobPort", "10000", "--location", "/data", "--skipApiVersionCheck",
            ],
            server.Spec.RunArguments());
        Assert.Equal($"callcenter:{Secrets.AzuriteAccountKey}", server.Spec.SecretEnvironment["AZURITE_ACCOUNTS"]);
    }

    [Fact]
    public void AsteriskIsBuiltFromTheContainerfileAndRunsOnTheHostNetworkWithTheGeneratedInstanceConfiguration()
    {
        var context = TestContexts.Container(Secrets);
        var asterisk = new AsteriskResource("asterisk");
        asterisk.Bind(context);

        var server = Assert.IsType<ContainerServer>(asterisk.Server);
        var instance = Path.Combine(context.DataFolder.ResourceDirectory("asterisk"), "root", "var", "tmp", "callcenter", "apphost-abc123");
        Assert.Equal(
            [
                "run", "--rm", "--name", "callcenter-abc123-asterisk",
                "--label", "dev.callcenter.installation=abc123", "--label", "dev.callcenter.resource=asterisk",
                "--network", "host",
                "--volume", $"{instance}:/var/tmp/callcenter/apphost-abc123",
                "localhost/callcenter-asterisk:22",
                "-C", "/var/tmp/callcenter/apphost-abc123/etc/asterisk.conf",
            ],
            server.Spec.RunArguments());
        Assert.Equal("build", server.BuildArguments![0]);
        Assert.Contains("localhost/callcenter-asterisk:22", server.BuildArguments);
        Assert.True(File.Exists(server.BuildArguments[4]), "the Containerfile the build names exists");
        // The generated ARI password reached the mounted configuration, and the HTTP port is the one the services get.
        Assert.Contains(Secrets.AriPassword, File.ReadAllText(Path.Combine(instance, "etc", "callcenter-generated", "ari-users.conf")), StringComparison.Ordinal);
        Assert.Contains($"bindport = {asterisk.AriPort}", File.ReadAllText(Path.Combine(instance, "etc", "callcenter-generated", "http.conf")), StringComparison.Ordinal);
    }

    [Fact]
    public void StoppingAndCleaningUpAddressTheContainerByName()
    {
        var spec = new ContainerSpec("callcenter-abc123-redis", "docker.io/library/redis:7.0");

        Assert.Equal(["stop", "--time", "10", "callcenter-abc123-redis"], spec.StopArguments(TimeSpan.FromSeconds(10)));
        Assert.Equal(["rm", "--force", "callcenter-abc123-redis"], spec.RemoveArguments());
    }

    [Fact]
    public void UdpPortsAndReadOnlyVolumesAreSpelledTheWayEnginesExpect()
    {
        Assert.Equal("127.0.0.1:5060:5060/udp", new PortMapping(5060, 5060, "udp").ToString());
        Assert.Equal("/host:/container:ro", new VolumeMount("/host", "/container", ReadOnly: true).ToString());
    }
}
