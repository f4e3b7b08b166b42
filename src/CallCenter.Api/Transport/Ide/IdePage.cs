namespace CallCenter.Api.Transport.Ide;

/// <summary>A small self-contained GraphQL IDE (no CDN: it must work offline and under a strict CSP).</summary>
internal static class IdePage
{
    private static readonly Lazy<byte[]> Content = new(Load);

    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await context.Response.Body.WriteAsync(Content.Value, context.RequestAborted);
    }

    private static byte[] Load()
    {
        using var stream = typeof(IdePage).Assembly.GetManifestResourceStream("CallCenter.Api.Transport.Ide.graphql-ide.html")
            ?? throw new InvalidOperationException("The IDE page resource is missing.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
