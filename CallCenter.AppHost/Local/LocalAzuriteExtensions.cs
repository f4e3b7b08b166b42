using System.Globalization;
using CallCenter.AppHost.Setup;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Local;

/// <summary>Azurite's blob service (npm, in .tools/) as a local process, with the installation's account key.</summary>
internal sealed class LocalAzuriteResource(string name, AzuriteServer server) : LocalServerResource(name, server)
{
    public AzuriteServer Azurite => (AzuriteServer)Server;
}

/// <summary>The blob service of a local Azurite: what services reference as ConnectionStrings__blobs.</summary>
internal sealed class LocalBlobsResource(string name, LocalAzuriteResource parent, ParameterResource accountKey)
    : Resource(name), IResourceWithParent<LocalAzuriteResource>, IResourceWithConnectionString
{
    public LocalAzuriteResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={accountKey};BlobEndpoint={Parent.Azurite.BlobEndpoint};");
}

internal static class LocalAzuriteExtensions
{
    public const int WellKnownBlobPort = 10000;

    public static IResourceBuilder<LocalBlobsResource> AddLocalAzuriteBlobs(
        this Installation installation, IDistributedApplicationBuilder builder, string storageName, string blobsName, IResourceBuilder<ParameterResource> accountKey)
    {
        var port = installation.Port(WellKnownBlobPort);
        var server = new AzuriteServer(installation.RunFolder.ResourceDirectory(storageName), port, installation.ValueOf(accountKey), LocalServerResourceExtensions.Ignore);
        var storage = builder.AddLocalServer(new LocalAzuriteResource(storageName, server))
            .WithEndpoint(name: "blob", port: port, targetPort: port, scheme: "http", isProxied: false)
            .WithIconName("Storage");
        // The child has its server's probe under its own key (Aspire does not report a key shared by two resources).
        builder.AddProbeHealthCheck($"{blobsName}-ready", server);
        return builder.AddChildOf(storage, new LocalBlobsResource(blobsName, storage.Resource, accountKey.Resource), $"{blobsName}-ready", "AzureBlobStorage")
            .WithUrl(server.BlobEndpoint, $"blob endpoint (port {port.ToString(CultureInfo.InvariantCulture)})");
    }
}
