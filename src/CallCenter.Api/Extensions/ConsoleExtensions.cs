using CallCenter.Api.Options;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CallCenter.Api.Extensions;

/// <summary>Serves the web console (built into the output's console/ folder) under /console/, index.html for its client routes.</summary>
internal static class ConsoleExtensions
{
    public const string PathPrefix = "/console";

    // What the console's files are; its script is 431 KiB raw and about a third of it compressed.
    private static readonly string[] CompressedTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json"];

    public static IHostApplicationBuilder AddWebConsole(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>().Bind(builder.Configuration.GetSection(ConsoleOptions.SectionName));
        builder.Services.AddResponseCompression(options =>
        {
            // Only the console's own files go through it (see MapConsole), which carry no secret, so HTTPS is no
            // reason to leave them uncompressed.
            options.EnableForHttps = true;
            options.MimeTypes = CompressedTypes;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        return builder;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        var root = Path.GetFullPath(options.RootPath ?? Path.Combine(AppContext.BaseDirectory, "console"));
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            ConsoleLog.NotBuilt(app.Logger, root);
            return app;
        }

        var files = new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            RequestPath = PathPrefix,
            OnPrepareResponse = context =>
            {
                // Vite names assets by content hash; index.html must always be checked again.
                var immutable = context.Context.Request.Path.StartsWithSegments(PathPrefix + "/assets");
                context.Context.Response.Headers[HeaderNames.CacheControl] = immutable ? "public, max-age=31536000, immutable" : "no-cache";
            },
        };
        app.UseWhen(context => context.Request.Path.StartsWithSegments(PathPrefix), console => console.UseResponseCompression());
        app.UseStaticFiles(files);
        app.MapGet("/", (HttpContext context) => Results.Redirect(PathPrefix + "/" + context.Request.QueryString));
        // Client routes (and /console itself) get index.html; a missing asset (a path with an extension) stays 404.
        var index = Path.Combine(root, "index.html");
        app.MapFallback(PathPrefix + "/{*path:nonfile}", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await context.Response.SendFileAsync(index, context.RequestAborted);
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }
}
