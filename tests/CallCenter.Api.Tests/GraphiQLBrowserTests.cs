using CallCenter.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CallCenter.Api.Tests;

/// <summary>
/// GraphiQL in a real headless browser (Debian's chromium, driven by Playwright): the page loads under its CSP with
/// no request leaving the API, introspects, and runs a query with the token from the link.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GraphiQLBrowserTests(ApiFixture fixture)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Graphiql_loads_introspects_and_runs_a_query_with_the_token()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run eng/install-prereqs.sh");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox"], // root in CI has no user namespace sandbox
        });
        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => problems.Add("page: " + error);
        page.RequestFailed += (_, request) => problems.Add("request failed: " + request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(fixture.Api.BaseAddress.AbsoluteUri, StringComparison.Ordinal) && !request.Url.StartsWith("ws://" + fixture.Api.BaseAddress.Authority, StringComparison.Ordinal))
            {
                problems.Add("left the API: " + request.Url);
            }
        };

        var introspection = page.WaitForResponseAsync(response => response.Request.Method == "POST" && (response.Request.PostData ?? "").Contains("__schema", StringComparison.Ordinal));
        const string query = "{ calls(first: 1) { totalCount } }";
        await page.GotoAsync(new Uri(fixture.Api.BaseAddress, "graphql").AbsoluteUri + "#token=" + Uri.EscapeDataString(fixture.Tokens.Supervisor()) + "&query=" + Uri.EscapeDataString(query));

        var introspected = await introspection;
        Assert.Equal(200, introspected.Status);
        Assert.Contains("\"queryType\"", await introspected.TextAsync(), StringComparison.Ordinal);

        await page.Locator(".graphiql-execute-button").ClickAsync();
        var response = page.Locator(".graphiql-response");
        await Assertions.Expect(response).ToContainTextAsync("\"totalCount\": " + await TotalCallsAsync(), new() { Timeout = 30_000 });

        // The doc explorer knows the schema that introspection returned.
        await page.GetByRole(AriaRole.Button, new() { Name = "Show Documentation Explorer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".graphiql-doc-explorer")).ToContainTextAsync("Query", new() { Timeout = 30_000 });

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private async Task<int> TotalCallsAsync()
    {
        var data = await fixture.Http.DataAsync("{ calls(first: 1) { totalCount } }", null, fixture.Tokens.Supervisor());
        return data["calls"]!["totalCount"]!.GetValue<int>();
    }
}
