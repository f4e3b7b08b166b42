using System.Security.Cryptography;
using CallCenter.Testing;

namespace CallCenter.Infrastructure.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class BlobRoundTripTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_uploaded_blob_downloads_byte_for_byte()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var container = azurite.CreateClient().GetBlobContainerClient($"proof-{Guid.NewGuid():N}");
        await container.CreateAsync(cancellationToken: cancellationToken);
        var content = RandomNumberGenerator.GetBytes(150_000);
        var blob = container.GetBlobClient("recordings/inbound-1.wav");

        await blob.UploadAsync(new BinaryData(content), cancellationToken);
        var downloaded = await blob.DownloadContentAsync(cancellationToken);

        Assert.Equal(content, downloaded.Value.Content.ToArray());
    }
}
