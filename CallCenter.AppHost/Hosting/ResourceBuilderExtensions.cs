using CallCenter.AppHost.Hosting.Output;
using CallCenter.AppHost.Hosting.Resources;

namespace CallCenter.AppHost.Hosting;

/// <summary>The declaration vocabulary of Program.cs, named as in Aspire.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new PostgresServerResource(name));

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null) =>
        server.ApplicationBuilder.AddResource(new PostgresDatabaseResource(name, databaseName ?? name, server.Resource));

    public static IResourceBuilder<RedisResource> AddRedis(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new RedisResource(name));

    public static IResourceBuilder<AzureStorageResource> AddAzureStorage(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new AzureStorageResource(name));

    /// <summary>Runs the storage account as the Azurite emulator (the only way it runs locally).</summary>
    public static IResourceBuilder<AzureStorageResource> RunAsEmulator(this IResourceBuilder<AzureStorageResource> storage)
    {
        storage.Resource.IsEmulator = true;
        return storage;
    }

    public static IResourceBuilder<AzureBlobStorageResource> AddBlobs(this IResourceBuilder<AzureStorageResource> storage, string name) =>
        storage.ApplicationBuilder.AddResource(new AzureBlobStorageResource(name, storage.Resource));

    public static IResourceBuilder<AsteriskResource> AddAsterisk(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new AsteriskResource(name));

    /// <param name="projectPath">The service's .csproj, relative to the checkout.</param>
    public static IResourceBuilder<ProjectResource> AddProject(this DistributedApplicationBuilder builder, string name, string projectPath) =>
        builder.AddResource(new ProjectResource(name, projectPath));

    /// <summary>
    /// Gives the service what it needs to reach <paramref name="source"/>: ConnectionStrings__{name} for
    /// databases, caches and storage, the Ari section for Asterisk, services__{name}__http__0 for a project.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> project, IResourceBuilder<Resource> source)
    {
        if (source.Resource is not (IResourceWithConnectionString or IResourceWithEnvironment or ProjectResource))
        {
            throw new InvalidOperationException($"{source.Resource.Name} ({source.Resource.Kind}) cannot be referenced: it has no connection information.");
        }

        project.Resource.AddReference(source.Resource);
        return project;
    }

    /// <summary>Starts this resource only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> resource, IResourceBuilder<Resource> dependency) where T : Resource
    {
        resource.Resource.AddWaitFor(dependency.Resource);
        return resource;
    }

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> project, string name, string value)
    {
        project.Resource.AddEnvironment((environment, _) => environment[name] = value);
        return project;
    }

    /// <summary>The JWT validation settings (Authentication__Jwt__Issuer, __Audience, __SigningKeys__0) with the installation's generated key.</summary>
    public static IResourceBuilder<ProjectResource> WithDevelopmentJwt(this IResourceBuilder<ProjectResource> project)
    {
        project.Resource.IssuesDevelopmentJwt = true;
        project.Resource.AddEnvironment((environment, context) => DevelopmentJwt.Apply(environment, context.Secrets.JwtSigningKey));
        return project;
    }

    /// <summary>The API's RecordingAccessOptions.LinkSigningKey ("Recordings" section).</summary>
    public const string RecordingLinkSigningKeyVariable = "Recordings__LinkSigningKey";

    /// <summary>
    /// Recordings__LinkSigningKey from the installation's secrets: without it the API signs download links with a
    /// random per-process key, so a link handed out before a restart (a page left open) stops working after it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithRecordingLinkSigningKey(this IResourceBuilder<ProjectResource> project)
    {
        project.Resource.AddEnvironment((environment, context) => environment[RecordingLinkSigningKeyVariable] = context.Secrets.RecordingLinkSigningKey);
        return project;
    }

    /// <summary>Marks the service that serves GraphQL, for the ready table and endpoints.json.</summary>
    public static IResourceBuilder<ProjectResource> WithGraphQlEndpoint(this IResourceBuilder<ProjectResource> project, string path = "/graphql", string idePath = "/graphql")
    {
        project.Resource.GraphQlPath = path;
        project.Resource.GraphQlIdePath = idePath;
        return project;
    }
}
