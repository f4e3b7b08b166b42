using System.Globalization;
using CallCenter.AppHost.Asterisk;
using CallCenter.AppHost.Setup;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Containers;

/// <summary>
/// The servers as containers (Docker or Podman) with data volumes, and what a deployment provides when publishing:
/// PostgreSQL and Redis as Aspire declares them, blob storage as a connection string (no Azure hosting package is
/// available to us), and the customer's Asterisk as ARI parameters. With <paramref name="servers"/>, PostgreSQL, Redis
/// and Azurite come from there instead (local processes where the engine has no images of them).
/// </summary>
/// <param name="asteriskBaseImage">asterisk/Containerfile's BASE_IMAGE.</param>
internal sealed class ContainerInfrastructure(
    IDistributedApplicationBuilder builder, Installation installation, string asteriskBaseImage, IInfrastructure? servers = null) : IInfrastructure
{
    private const string AzuriteAccount = AzuriteServer.AccountName;

    public IResourceBuilder<IResourceWithConnectionString> AddPostgres(string serverName, string databaseName, IResourceBuilder<ParameterResource> password) =>
        servers?.AddPostgres(serverName, databaseName, password)
        ?? builder.AddPostgres(serverName, password: password)
            .WithImage(ContainerImages.PostgresImage, ContainerImages.PostgresTag)
            .WithDataVolume()
            .AddDatabase(databaseName);

    public IResourceBuilder<IResourceWithConnectionString> AddRedis(string name, IResourceBuilder<ParameterResource> password) =>
        servers?.AddRedis(name, password)
        ?? builder.AddRedis(name, password: password)
            .WithImage(ContainerImages.RedisImage, ContainerImages.RedisTag)
            .WithDataVolume();

    public IResourceBuilder<IResourceWithConnectionString> AddBlobStorage(string storageName, string blobsName, IResourceBuilder<ParameterResource> accountKey)
    {
        if (servers is not null)
        {
            return servers.AddBlobStorage(storageName, blobsName, accountKey);
        }

        if (installation.IsPublishing)
        {
            // Azure Storage in the deployment: its connection string is a deployment input.
            return builder.AddConnectionString(blobsName);
        }

        var storage = builder.AddContainer(storageName, ContainerImages.AzuriteImage, ContainerImages.AzuriteTag)
            .WithArgs("azurite-blob", "--blobHost", "0.0.0.0", "--location", "/data", "--skipApiVersionCheck")
            .WithEnvironment("AZURITE_ACCOUNTS", ReferenceExpression.Create($"{AzuriteAccount}:{accountKey.Resource}"))
            .WithHttpEndpoint(name: "blob", targetPort: Local.LocalAzuriteExtensions.WellKnownBlobPort)
            .WithVolume($"callcenter-{storageName}-data", "/data");
        var blob = storage.GetEndpoint("blob");
        return builder.AddConnectionString(
                blobsName,
                ReferenceExpression.Create($"DefaultEndpointsProtocol=http;AccountName={AzuriteAccount};AccountKey={accountKey.Resource};BlobEndpoint={blob.Property(EndpointProperty.Url)}/{AzuriteAccount};"))
            .WaitFor(storage);
    }

    public IResourceBuilder<IAsteriskResource> AddAsterisk(string name, IResourceBuilder<ParameterResource> ariPassword, IReadOnlyDictionary<string, ParameterResource> agentPasswords)
    {
        if (installation.IsPublishing)
        {
            // Not deployed: the customer's PBX, reached over ARI.
            return builder.AddResource(new ExternalAsteriskResource(
                    name,
                    builder.AddParameter("ari-base-url").Resource,
                    builder.AddParameter("ari-username").Resource,
                    ariPassword.Resource))
                .ExcludeFromManifest();
        }

        var sipPort = installation.Port(Local.LocalAsteriskExtensions.WellKnownSipPort, alsoUdp: true);
        // The simulated provider is a second transport inside the container, reached by the trunk on its own loopback.
        var providerPort = Local.LocalAsteriskExtensions.WellKnownProviderPort;
        var layout = new AsteriskInstanceLayout(Path.Combine(installation.RunFolder.ResourceDirectory(name), "root"), "apphost");
        var settings = new AsteriskInstanceSettings(
            AsteriskContainerResource.AriPort,
            sipPort,
            new AsteriskSecrets(installation.ValueOf(ariPassword), agentPasswords.ToDictionary(agent => agent.Key, agent => installation.RunFolder.Secret(agent.Value.Name))))
        {
            HttpBindAddress = "0.0.0.0",
            SipBindAddress = "0.0.0.0",
            SimulatedProviderPort = providerPort,
        };
        var sip = new SipAccess(installation.Options.SipBindAddress, sipPort, agentPasswords, providerPort);
        var asteriskFolder = Path.Combine(Prerequisites.RepositoryRoot, "asterisk");
        return builder.AddResource(new AsteriskContainerResource(name, ariPassword.Resource, sip))
            .WithImage("callcenter-asterisk", "22")
            .WithDockerfile(asteriskFolder, Path.Combine(asteriskFolder, "Containerfile"))
            .WithBuildArg("BASE_IMAGE", asteriskBaseImage)
            .WithBindMount(layout.HostDirectory, layout.ChrootDirectory)
            // The instance folder is the host's (spool, astdb, the generated includes at mode 0600), which the image's
            // unprivileged asterisk user cannot write: the development stack runs it as root, as the local mode does.
            .WithContainerRuntimeArgs("--user", "root")
            .WithArgs("-C", layout.AsteriskConf)
            .WithHttpEndpoint(name: "ari", targetPort: AsteriskContainerResource.AriPort)
            .WithEndpoint(name: "sip", port: sipPort, targetPort: sipPort, scheme: "udp", protocol: System.Net.Sockets.ProtocolType.Udp, isProxied: false)
            .WithUrl($"sip:{sip.Host}:{sipPort.ToString(CultureInfo.InvariantCulture)}", "SIP (udp; agents 1001-1010)")
            .OnBeforeResourceStarted((_, _, _) =>
            {
                AsteriskConfiguration.Write(AsteriskConfiguration.DefaultSourceDirectory, layout, settings);
                return Task.CompletedTask;
            });
    }
}
