using System.Diagnostics;
using System.Text.Json;
using CallCenter.Testing;
using Xunit;

namespace CallCenter.AppHost.Tests;

/// <summary>`--publisher manifest`: what azd deploys. The three services, PostgreSQL, Redis and blob storage; Asterisk is the customer's.</summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task TheManifestHasTheServicesTheirServersAndAsteriskAsParameters()
    {
        var output = TestRun.NewDirectory("manifest");
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { AppHostProcess.AppHostDll, "--publisher", "manifest", "--output-path", output })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var text = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await text}{await errors}");

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "aspire-manifest.json"), TestContext.Current.CancellationToken));
        var resources = manifest.RootElement.GetProperty("resources");
        string Type(string name) => resources.GetProperty(name).GetProperty("type").GetString()!;

        foreach (var service in new[] { "ingestion", "persistence", "api" })
        {
            Assert.Equal("project.v0", Type(service));
        }

        Assert.StartsWith("container.", Type("postgres"), StringComparison.Ordinal);
        Assert.Equal("value.v0", Type("callcenterdb"));
        Assert.StartsWith("container.", Type("redis"), StringComparison.Ordinal);
        Assert.Equal("parameter.v0", Type("blobs"));
        Assert.Equal("parameter.v0", Type("ari-base-url"));
        Assert.Equal("parameter.v0", Type("ari-username"));
        Assert.True(resources.GetProperty("ari-password").GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
        foreach (var local in new[] { "asterisk", "storage", "demo-calls", "demo-agent" })
        {
            Assert.False(resources.TryGetProperty(local, out _), $"{local} is not deployed");
        }

        var persistence = resources.GetProperty("persistence").GetProperty("env");
        Assert.Equal("{callcenterdb.connectionString}", persistence.GetProperty("ConnectionStrings__callcenterdb").GetString());
        Assert.Equal("{redis.connectionString}", persistence.GetProperty("ConnectionStrings__redis").GetString());
        Assert.Equal("{blobs.connectionString}", persistence.GetProperty("ConnectionStrings__blobs").GetString());
        Assert.Equal("{ari-base-url.value}", persistence.GetProperty("Ari__BaseUrl").GetString());
        Assert.Equal("{ari-password.value}", persistence.GetProperty("Ari__Password").GetString());
        var api = resources.GetProperty("api").GetProperty("env");
        Assert.Equal("{jwt-signing-key.value}", api.GetProperty("Authentication__Jwt__SigningKeys__0").GetString());
        Assert.Equal("{recording-link-key.value}", api.GetProperty("Recordings__LinkSigningKey").GetString());
        Assert.Equal("{redis.connectionString}", resources.GetProperty("ingestion").GetProperty("env").GetProperty("ConnectionStrings__redis").GetString());
    }
}
