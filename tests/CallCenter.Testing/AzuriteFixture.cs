using Azure.Storage.Blobs;
using CallCenter.LocalServers;
using Xunit;

namespace CallCenter.Testing;

/// <summary>A throwaway Azurite blob service shared by a test collection.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteServer Server { get; } = new(
        TestRun.NewDirectory("azurite"), PortAllocator.GetFreePort(), AzuriteServer.GenerateAccountKey(), TestRun.Log);

    public string ConnectionString => Server.ConnectionString;

    public BlobServiceClient CreateClient() => new(ConnectionString);

    public async ValueTask InitializeAsync() => await Server.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
