using System.Text.Json.Nodes;

namespace CallCenter.AppHost.Ready;

/// <summary>
/// graphQL (http, webSocket, ide) and a development JWT. The same object is also written as graphQl, the spelling
/// before Aspire, for one release so that scripts reading it keep working.
/// </summary>
internal sealed class GraphQLEntry(IResourceBuilder<ProjectResource> api, string path, IResourceBuilder<ParameterResource> jwtSigningKey) : EndpointsEntry
{
    public override async Task AddToAsync(JsonObject document, IList<string> summary, CancellationToken cancellationToken)
    {
        var http = $"{api.GetEndpoint("http").Url}{path}";
        var webSocket = "ws" + http["http".Length..];
        JsonObject GraphQL() => new() { ["http"] = http, ["webSocket"] = webSocket, ["ide"] = http };
        document["graphQL"] = GraphQL();
        document["graphQl"] = GraphQL();

        var key = await jwtSigningKey.Resource.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var now = DateTimeOffset.UtcNow;
        var token = DevelopmentJwt.Create(key, now);
        document["jwt"] = new JsonObject
        {
            ["token"] = token,
            ["issuer"] = DevelopmentJwt.Issuer,
            ["audience"] = DevelopmentJwt.Audience,
            ["role"] = DevelopmentJwt.DevelopmentRole,
            ["expires"] = now.Add(DevelopmentJwt.Lifetime),
        };
        summary.Add($"GraphQL      {http}  (IDE in a browser; subscriptions {webSocket})");
        summary.Add($"JWT          jq -r .jwt.token {{endpoints.json}}  ({DevelopmentJwt.DevelopmentRole}, {DevelopmentJwt.Lifetime.TotalDays:0} days)");
    }
}
