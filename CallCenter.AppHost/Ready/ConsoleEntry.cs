using System.Text.Json.Nodes;

namespace CallCenter.AppHost.Ready;

/// <summary>console: the web console's address, signed in with a development token for a one-click start.</summary>
internal sealed class ConsoleEntry(IResourceBuilder<ProjectResource> api, IResourceBuilder<ParameterResource> jwtSigningKey) : EndpointsEntry
{
    public const string Path = "/console/";

    public override async Task AddToAsync(JsonObject document, IList<string> summary, CancellationToken cancellationToken)
    {
        var url = await SignedInUrlAsync(api, jwtSigningKey, cancellationToken).ConfigureAwait(false);
        document["console"] = url;
        summary.Add($"Console      {url}");
    }

    /// <summary>The console's URL with a development token in <c>?token=</c> (the console moves it out of the address bar).</summary>
    public static async Task<string> SignedInUrlAsync(
        IResourceBuilder<ProjectResource> api, IResourceBuilder<ParameterResource> jwtSigningKey, CancellationToken cancellationToken)
    {
        var key = await jwtSigningKey.Resource.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        return $"{api.GetEndpoint("http").Url}{Path}?token={Uri.EscapeDataString(DevelopmentJwt.Create(key, DateTimeOffset.UtcNow))}";
    }
}

internal static class ConsoleUrlExtensions
{
    /// <summary>The dashboard links the API to its web console, signed in with a development token.</summary>
    public static IResourceBuilder<ProjectResource> WithConsoleUrl(this IResourceBuilder<ProjectResource> api, IResourceBuilder<ParameterResource> jwtSigningKey) =>
        api.WithUrls(async context => context.Urls.Add(new ResourceUrlAnnotation
        {
            Url = await ConsoleEntry.SignedInUrlAsync(api, jwtSigningKey, context.CancellationToken).ConfigureAwait(false),
            DisplayText = "Web console",
        }));
}
