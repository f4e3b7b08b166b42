using CallCenter.AppHost.Asterisk;

namespace CallCenter.AppHost.Setup;

/// <summary>
/// Declares the servers the services use, one way or the other: as local processes or as containers (and, when
/// publishing, as what a deployment provides). Both give services the same ConnectionStrings__* and Ari__* settings.
/// </summary>
internal interface IInfrastructure
{
    IResourceBuilder<IResourceWithConnectionString> AddPostgres(string serverName, string databaseName, IResourceBuilder<ParameterResource> password);

    IResourceBuilder<IResourceWithConnectionString> AddRedis(string name, IResourceBuilder<ParameterResource> password);

    IResourceBuilder<IResourceWithConnectionString> AddBlobStorage(string storageName, string blobsName, IResourceBuilder<ParameterResource> accountKey);

    IResourceBuilder<IAsteriskResource> AddAsterisk(string name, IResourceBuilder<ParameterResource> ariPassword, IReadOnlyDictionary<string, ParameterResource> agentPasswords);
}
