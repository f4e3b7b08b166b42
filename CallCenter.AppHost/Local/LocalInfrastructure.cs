using CallCenter.AppHost.Asterisk;
using CallCenter.AppHost.Setup;

namespace CallCenter.AppHost.Local;

/// <summary>Every server as a local process, from what eng/install-prereqs.sh installs.</summary>
internal sealed class LocalInfrastructure(IDistributedApplicationBuilder builder, Installation installation) : IInfrastructure
{
    public IResourceBuilder<IResourceWithConnectionString> AddPostgres(string serverName, string databaseName, IResourceBuilder<ParameterResource> password) =>
        installation.AddLocalPostgres(builder, serverName, databaseName, password);

    public IResourceBuilder<IResourceWithConnectionString> AddRedis(string name, IResourceBuilder<ParameterResource> password) =>
        installation.AddLocalRedis(builder, name, password);

    public IResourceBuilder<IResourceWithConnectionString> AddBlobStorage(string storageName, string blobsName, IResourceBuilder<ParameterResource> accountKey) =>
        installation.AddLocalAzuriteBlobs(builder, storageName, blobsName, accountKey);

    public IResourceBuilder<IAsteriskResource> AddAsterisk(string name, IResourceBuilder<ParameterResource> ariPassword, IReadOnlyDictionary<string, ParameterResource> agentPasswords) =>
        installation.AddLocalAsterisk(builder, name, ariPassword, agentPasswords, installation.TestAgentPort);
}
