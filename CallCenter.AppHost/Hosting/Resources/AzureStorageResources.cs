using CallCenter.AppHost.Hosting.Containers;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Hosting.Resources;

/// <summary>
/// An Azure Storage account. Locally it is always the Azurite emulator (<c>RunAsEmulator()</c> says so
/// explicitly, as in Aspire); in Azure the deployment provides a real account.
/// </summary>
public sealed class AzureStorageResource(string name) : Resource(name)
{
    public const int PreferredBlobPort = 10000;
    public const string ContainerImage = "mcr.microsoft.com/azure-storage/azurite:3.35.0";

    public override string Kind => "Azure Storage (Azurite)";

    public bool IsEmulator { get; internal set; }

    public int BlobPort { get; private set; }

    public string AccountKey { get; private set; } = "";

    public string BlobEndpoint => $"http://127.0.0.1:{BlobPort}/{AzuriteServer.AccountName}";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    internal override void Bind(RunContext context)
    {
        if (!IsEmulator)
        {
            throw new InvalidOperationException($"{Name}: locally, Azure Storage runs as the Azurite emulator; call RunAsEmulator().");
        }

        BlobPort = context.Ports.Get($"{Name}-blob", PreferredBlobPort);
        AccountKey = context.Secrets.AzuriteAccountKey;
        var data = context.DataFolder.ResourceDirectory(Name);
        Server = context.Mode == ExecutionMode.Container
            ? new ContainerServer(Name, data, context.RequireContainerRuntime(), ContainerSpecFor(context, data), ct => Readiness.TcpAcceptsAsync(BlobPort, ct), BlobEndpoint, context.Output.Log)
            : new AzuriteServer(data, BlobPort, AccountKey, context.Output.Log);
    }

    internal ContainerSpec ContainerSpecFor(RunContext context, string dataDirectory) => new($"callcenter-{context.Secrets.InstallationId}-{Name}", ContainerImage)
    {
        Ports = [new PortMapping(BlobPort, 10000)],
        Volumes = [new VolumeMount(dataDirectory, "/data")],
        SecretEnvironment = new Dictionary<string, string> { ["AZURITE_ACCOUNTS"] = $"{AzuriteServer.AccountName}:{AccountKey}" },
        // Azure.Storage.Blobs speaks a newer API version than Azurite knows (see design.md).
        Command = ["azurite-blob", "--blobHost", "0.0.0.0", "--blobPort", "10000", "--location", "/data", "--skipApiVersionCheck"],
        Labels = ContainerLabels.For(context, Name),
    };

    internal override IEnumerable<ResourceEndpoint> DescribeEndpoints() => [new("blob", BlobEndpoint, $"account {AzuriteServer.AccountName}")];
}

/// <summary>The blob service of a storage account (ConnectionStrings__{name}).</summary>
public sealed class AzureBlobStorageResource(string name, AzureStorageResource storage) : Resource(name), IResourceWithConnectionString
{
    public override string Kind => "Blob service";

    public override Resource Parent => storage;

    public string ConnectionString => storage.ConnectionString;

    internal override IEnumerable<ResourceEndpoint> DescribeEndpoints() => [new("connection string", ConnectionString)];
}
