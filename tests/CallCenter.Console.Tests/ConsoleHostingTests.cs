using System.Net;
using CallCenter.Api.Tests.Infrastructure;

namespace CallCenter.Console.Tests;

/// <summary>The API serves the built console under /console/: files, index.html for client routes, nothing else.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConsoleHostingTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("console/")]
    [InlineData("console")]
    [InlineData("console/live")]
    [InlineData("console/calls/3f2b8c1e-0000-0000-0000-000000000001")]
    public async Task Client_routes_get_the_console_page(string path)
    {
        using var response = await fixture.Http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("<div id=\"root\"></div>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashed_assets_are_served_as_immutable_and_a_missing_file_is_404()
    {
        var script = await EntryScriptAsync();
        Assert.NotEmpty(script);
        using var asset = await fixture.Http.GetAsync(script, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using var missing = await fixture.Http.GetAsync("console/assets/missing.js", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_console_script_is_sent_compressed_to_a_browser_that_accepts_it_and_whole_to_one_that_does_not()
    {
        var script = await EntryScriptAsync();
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = fixture.Api.BaseAddress };

        using var plain = await http.GetAsync(script, TestContext.Current.CancellationToken);
        var raw = await plain.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, script);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var compressed = await http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
            var body = await compressed.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            Assert.True(body.Length < raw.Length / 2, $"{encoding}: {body.Length} of {raw.Length} bytes");
            using var decoded = new MemoryStream();
            await using (Stream decoder = encoding == "br"
                ? new System.IO.Compression.BrotliStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress)
                : new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress))
            {
                await decoder.CopyToAsync(decoded, TestContext.Current.CancellationToken);
            }

            Assert.Equal(raw, decoded.ToArray());
        }
    }

    [Fact]
    public async Task The_root_redirects_to_the_console_keeping_the_query()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Api.BaseAddress };
        using var root = await http.GetAsync("/?token=abc", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/console/?token=abc", root.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task GraphQL_and_health_are_not_shadowed()
    {
        using var health = await fixture.Http.GetAsync("alive", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var graphql = await fixture.Http.PostAsync("graphql", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, graphql.StatusCode);
    }

    /// <summary>The path of the script index.html loads (Vite names it by its content hash).</summary>
    private async Task<string> EntryScriptAsync()
    {
        var html = await fixture.Http.GetStringAsync("console/", TestContext.Current.CancellationToken);
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"/(console/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        return script;
    }
}
