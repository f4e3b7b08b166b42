using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace CallCenter.Persistence.Recordings;

/// <summary>
/// The blob container recordings go to. ConnectionStrings:blobs is either a storage connection string
/// (Azurite, or an account key) or the account's blob URL, which authenticates with the managed
/// identity / developer credentials through DefaultAzureCredential.
/// </summary>
internal sealed class RecordingStore(IConfiguration configuration, IOptions<RecordingOptions> options)
{
    public const string ConnectionName = "blobs";
    private readonly Lazy<BlobServiceClient> _service = new(() => CreateServiceClient(configuration));
    private volatile BlobContainerClient? _container;

    public async Task<BlobContainerClient> GetContainerAsync(CancellationToken cancellationToken)
    {
        if (_container is { } ready)
        {
            return ready;
        }

        var container = _service.Value.GetBlobContainerClient(options.Value.ContainerName);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _container = container;
        return container;
    }

    private static BlobServiceClient CreateServiceClient(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured.");
        var clientOptions = new BlobClientOptions();
        // Our own loop retries with backoff for as long as it takes; the SDK only smooths over blips.
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(60);

        return Uri.TryCreate(value, UriKind.Absolute, out var accountUrl) && !value.Contains('=', StringComparison.Ordinal)
            ? new BlobServiceClient(accountUrl, new DefaultAzureCredential(), clientOptions)
            : new BlobServiceClient(value, clientOptions);
    }
}
