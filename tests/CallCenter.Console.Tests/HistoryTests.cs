using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Console.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallCenter.Console.Tests;

/// <summary>The history screen over the API tests' seeded call log (real PostgreSQL), in a real browser.</summary>
[Collection(ApiCollection.Name)]
public sealed class HistoryTests(ApiFixture fixture)
{
    static HistoryTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task Filtering_by_number_and_status_shows_exactly_the_matching_calls_and_the_URL_reproduces_the_view()
    {
        await using var browser = await ConsoleBrowser.StartAsync(fixture.Api.BaseAddress);
        var page = browser.Page;
        var token = fixture.Tokens.Supervisor();
        await browser.OpenAsync("/history", token);
        await Expect(page.GetByTestId("history-table")).ToBeVisibleAsync();

        await page.GetByLabel("From", new PageGetByLabelOptions { Exact = true }).FillAsync("2026-01-05T00:00");
        await page.GetByLabel("Until", new PageGetByLabelOptions { Exact = true }).FillAsync("2026-01-06T00:00");
        await page.GetByLabel("Number contains").FillAsync("98901234");
        await page.GetByRole(AriaRole.Checkbox, new PageGetByRoleOptions { Name = "Missed" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Apply filters" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("number=98901234.*status=MISSED|status=MISSED.*number=98901234"));

        // What the API says matches, asked directly.
        var data = await fixture.Http.DataAsync(
            "query($f: CallFilter) { calls(filter: $f, first: 50) { totalCount nodes { id status callerNumber dialedNumber } } }",
            new { f = new { from = "2026-01-05T00:00:00Z", until = "2026-01-06T00:00:00Z", number = "98901234", status = new[] { "MISSED" } } }, token);
        var expected = data["calls"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).Order().ToList();
        Assert.True(expected.Count > 1, data.ToJsonString());
        Assert.All(data["calls"]!["nodes"]!.AsArray(), n => Assert.Equal("MISSED", n!["status"]!.GetValue<string>()));

        await AssertRowsAsync(page, expected);
        await Expect(page.GetByTestId("history-total")).ToHaveTextAsync($"{expected.Count} call{(expected.Count == 1 ? "" : "s")}");
        await browser.ScreenshotAsync("history");

        // The URL alone (the token is kept for the tab) brings the same view back.
        await page.ReloadAsync();
        await AssertRowsAsync(page, expected);
        await Expect(page.GetByLabel("Number contains")).ToHaveValueAsync("98901234");
        await Expect(page.GetByRole(AriaRole.Checkbox, new PageGetByRoleOptions { Name = "Missed" })).ToBeCheckedAsync();

        // A row opens the call's detail.
        await page.GetByTestId("history-call").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("call-detail")).ToHaveAttributeAsync("data-status", "MISSED");
        await Expect(page.GetByTestId("call-detail").Locator(".badge").First).ToHaveTextAsync("Missed");
        await Expect(page.GetByText("No recording.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_agent_sees_only_their_own_calls_and_no_supervisor_controls()
    {
        await using var browser = await ConsoleBrowser.StartAsync(fixture.Api.BaseAddress);
        var page = browser.Page;
        var agent = fixture.Seed.Agent2;
        await browser.OpenAsync("/history?from=2026-01-05T00%3A00%3A00.000Z&until=2026-01-06T00%3A00%3A00.000Z", fixture.Tokens.Agent(agent.Id));
        await Expect(page.GetByTestId("who")).ToContainTextAsync("Agent");
        await Expect(page.GetByTestId("history-call").First).ToBeVisibleAsync();
        var agents = await page.GetByTestId("history-call").Locator("td:nth-child(6)").AllInnerTextsAsync();
        Assert.NotEmpty(agents);
        Assert.All(agents, text => Assert.Contains(agent.Extension, text, StringComparison.Ordinal));
        await Expect(page.GetByLabel("Agent", new PageGetByLabelOptions { Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "GraphQL IDE" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Wallboard" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Live calls" }).ClickAsync();
        await Expect(page.GetByTestId("strip-ringing")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("strip-answered")).ToHaveCountAsync(0);
        // Agents call from their own phone, but place no test calls.
        await Expect(page.GetByTestId("dial-panel")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("test-call")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_token_without_a_role_or_an_expired_one_leads_to_sign_in_with_the_reason()
    {
        await using var browser = await ConsoleBrowser.StartAsync(fixture.Api.BaseAddress);
        var page = browser.Page;
        await browser.OpenAsync("/live", fixture.Tokens.Create("nobody", ["guest"]));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("no agent, supervisor or admin role");

        await browser.OpenAsync("/live", fixture.Tokens.Create("late", ["supervisor"], lifetime: TimeSpan.FromMinutes(-10)));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("expired");

        // A token the API does not accept (wrong key) is sent back by the server.
        var foreign = fixture.Tokens.Create("forged", ["supervisor"], key: Convert.ToBase64String(new byte[32]));
        await browser.OpenAsync("/live", foreign);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sign in again");

        await page.GetByLabel("Access token (JWT)").FillAsync(fixture.Tokens.Supervisor());
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
    }

    private static async Task AssertRowsAsync(IPage page, List<string> expected)
    {
        await Expect(page.GetByTestId("history-call")).ToHaveCountAsync(expected.Count);
        var ids = new List<string>();
        foreach (var row in await page.GetByTestId("history-call").AllAsync())
        {
            ids.Add((await row.GetAttributeAsync("data-call-id"))!);
        }

        Assert.Equal(expected, ids.Order().ToList());
    }
}
