using System.Text.Json.Nodes;

namespace CallCenter.AppHost.Ready;

/// <summary>connectionStrings: each referenced server's connection string by its name (callcenterdb, redis, blobs).</summary>
internal sealed class ConnectionStringsEntry(params IResourceBuilder<IResourceWithConnectionString>[] resources) : EndpointsEntry
{
    public override async Task AddToAsync(JsonObject document, IList<string> summary, CancellationToken cancellationToken)
    {
        var connectionStrings = new JsonObject();
        foreach (var resource in resources)
        {
            connectionStrings[resource.Resource.Name] = await resource.Resource.GetConnectionStringAsync(cancellationToken).ConfigureAwait(false);
        }

        document["connectionStrings"] = connectionStrings;
    }
}
