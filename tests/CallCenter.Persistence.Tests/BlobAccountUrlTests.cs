using Azure.Storage.Blobs;
using CallCenter.LocalServers;
using CallCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Persistence.Tests;

/// <summary>
/// The blob registration the worker and the API share, given the account's URL as deployed (infra/main.bicep passes
/// the blob endpoint, not a connection string): the client authenticates with a token credential, and /health
/// checks the account with it.
/// </summary>
public sealed class BlobAccountUrlTests : IAsyncLifetime
{
    private readonly HttpsAzuriteServer _azurite = new(TestRun.NewDirectory("azurite-https"), PortAllocator.GetFreePort(), TestRun.Log);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _azurite.StartAsync();

    public async ValueTask DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task An_account_url_is_reached_with_a_token_and_the_health_check_passes()
    {
        var credential = new EmulatorTokenCredential();
        using var host = Build(credential);

        var container = host.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient("recordings");
        await container.CreateIfNotExistsAsync(cancellationToken: Cancel);
        await container.GetBlobClient("call/one.wav").UploadAsync(BinaryData.FromString("RIFF"), Cancel);
        var stored = await container.GetBlobClient("call/one.wav").DownloadContentAsync(Cancel);
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Cancel);

        Assert.Equal("RIFF", stored.Value.Content.ToString());
        Assert.True(credential.Issued > 0, "the client did not ask the credential for a token");
        Assert.Equal(HealthStatus.Healthy, report.Entries["blobs"].Status);
    }

    [Fact]
    public async Task The_health_check_reports_an_account_that_refuses_the_token()
    {
        using var host = Build(new EmulatorTokenCredential(TimeSpan.FromMinutes(-10)));

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Cancel);

        var blobs = report.Entries["blobs"];
        Assert.Equal(HealthStatus.Unhealthy, blobs.Status);
        Assert.Contains("token is expired", blobs.Description, StringComparison.Ordinal);
    }

    private IHost Build(EmulatorTokenCredential credential)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:blobs"] = _azurite.BlobServiceUri.AbsoluteUri });
        builder.AddBlobServiceClient("blobs", settings => settings.Credential = credential, options =>
        {
            options.Transport = _azurite.CreateTrustingTransport();
            options.Retry.MaxRetries = 0;
        });
        return builder.Build();
    }
}
