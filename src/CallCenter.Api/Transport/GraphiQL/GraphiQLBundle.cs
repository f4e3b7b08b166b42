using System.Collections.Frozen;
using Microsoft.AspNetCore.StaticFiles;

namespace CallCenter.Api.Transport.GraphiQL;

/// <summary>
/// GraphiQL, bundled at build time from src/CallCenter.GraphiQL (GraphiQL.targets) and embedded in this assembly:
/// index.html is served at the GraphQL path to browsers, the rest under <see cref="PathPrefix"/>.
/// </summary>
internal static class GraphiQLBundle
{
    public const string PathPrefix = "/graphiql/";
    private const string ResourcePrefix = "graphiql/";

    // Only this origin's scripts, styles, fonts and endpoints; inline styles because React and CodeMirror set style
    // attributes, data: fonts because graphiql's stylesheet embeds its fonts.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; font-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Lazy<FrozenDictionary<string, byte[]>> Files = new(Load);
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static Task WriteIndexAsync(HttpContext context)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.CacheControl = "no-cache";
        return WriteAsync(context, "index.html");
    }

    /// <summary>GET {PathPrefix}{**path}: the bundle's files; their names carry a content hash, so they are cached for good.</summary>
    public static Task WriteAssetAsync(HttpContext context, string path)
    {
        if (path == "index.html" || !Files.Value.ContainsKey(path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return WriteAsync(context, path);
    }

    private static async Task WriteAsync(HttpContext context, string path)
    {
        var content = Files.Value[path];
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }

    private static FrozenDictionary<string, byte[]> Load()
    {
        var assembly = typeof(GraphiQLBundle).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            files[name[ResourcePrefix.Length..]] = memory.ToArray();
        }

        return files.ContainsKey("index.html")
            ? files.ToFrozenDictionary(StringComparer.Ordinal)
            : throw new InvalidOperationException("The GraphiQL bundle is not embedded (see GraphiQL.targets).");
    }
}
