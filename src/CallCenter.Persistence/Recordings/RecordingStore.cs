using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace CallCenter.Persistence.Recordings;

/// <summary>The blob container recordings go to, created on first use. The account comes from ConnectionStrings:blobs.</summary>
internal sealed class RecordingStore(BlobServiceClient blobs, IOptions<RecordingOptions> options)
{
    private volatile BlobContainerClient? _container;

    public async Task<BlobContainerClient> GetContainerAsync(CancellationToken cancellationToken)
    {
        if (_container is { } ready)
        {
            return ready;
        }

        var container = blobs.GetBlobContainerClient(options.Value.ContainerName);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _container = container;
        return container;
    }
}
