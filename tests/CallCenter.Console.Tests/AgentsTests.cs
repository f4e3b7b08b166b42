using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Console.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallCenter.Console.Tests;

/// <summary>The agents grid (admin: create, edit, delete; live state and today's figures) and what each role is shown.</summary>
[Collection(ApiCollection.Name)]
public sealed class AgentsTests(ApiFixture fixture)
{
    static AgentsTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task An_admin_creates_edits_and_deletes_an_agent_and_sees_each_agents_state_and_today()
    {
        // Dilnoza (1003) is talking now and finished one call earlier today.
        var agent3 = fixture.Seed.Agent3;
        // Both start today in UTC (the browser's zone in these tests), even just after midnight.
        var now = DateTimeOffset.UtcNow;
        var start = now.AddSeconds(-100) < now.UtcDateTime.Date ? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) : now.AddSeconds(-100);
        var talking = ConsoleSeed.InboundCall(ConsoleSeed.NewNumber(), agent3, start, endedAfter: null);
        var earlier = ConsoleSeed.InboundCall(ConsoleSeed.NewNumber(), agent3, start, TimeSpan.FromSeconds(30));
        await ConsoleSeed.AddAsync(fixture, talking, earlier);
        try
        {
            await using var browser = await ConsoleBrowser.StartAsync(fixture.Api.BaseAddress);
            var page = browser.Page;
            var token = fixture.Tokens.Admin();
            await browser.OpenAsync("/agents", token);
            var dilnoza = Row(page, "1003");
            await Expect(dilnoza).ToHaveAttributeAsync("data-state", "talking");
            await Expect(dilnoza.Locator(".badge")).ToHaveTextAsync("Talking");
            await Expect(dilnoza.GetByTestId("agent-today-total")).ToHaveTextAsync("2");
            await Expect(Row(page, "1001")).ToHaveAttributeAsync("data-state", "idle");

            // Create.
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New agent" }).ClickAsync();
            await FillAgentAsync(page, "4711", "Test Agent", "test.agent@example.com");
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create agent" }).ClickAsync();
            await Expect(page.GetByTestId("agents-message")).ToHaveTextAsync("Created Test Agent (4711).");
            await Expect(Row(page, "4711")).ToContainTextAsync("Test Agent");
            await Expect(Row(page, "4711").Locator(".badge")).ToHaveTextAsync("No call");

            // The same extension again: the API's reason, in words, and nothing created.
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New agent" }).ClickAsync();
            await FillAgentAsync(page, "4711", "Someone Else", "");
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create agent" }).ClickAsync();
            await Expect(page.GetByText("An agent with this extension already exists.")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Cancel" }).ClickAsync();
            await Expect(Row(page, "4711")).ToHaveCountAsync(1);

            // Edit: rename and deactivate.
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Edit Test Agent" }).ClickAsync();
            await Expect(page.GetByLabel("Extension")).ToHaveValueAsync("4711");
            await page.GetByLabel("Name", new PageGetByLabelOptions { Exact = true }).FillAsync("Renamed Agent");
            await page.GetByLabel("Active").UncheckAsync();
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save agent" }).ClickAsync();
            await Expect(Row(page, "4711")).ToContainTextAsync("Renamed Agent");
            await Expect(Row(page, "4711")).ToHaveAttributeAsync("data-state", "inactive");
            var stored = await AgentAsync("4711", token);
            Assert.NotNull(stored);
            Assert.Equal("Renamed Agent", stored!["name"]!.GetValue<string>());
            Assert.False(stored["active"]!.GetValue<bool>());

            // Delete, after confirming.
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Delete Renamed Agent" }).ClickAsync();
            await Row(page, "4711").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Confirm delete" }).ClickAsync();
            await Expect(page.GetByTestId("agents-message")).ToHaveTextAsync("Deleted Renamed Agent (4711).");
            await Expect(Row(page, "4711")).ToHaveCountAsync(0);
            Assert.Null(await AgentAsync("4711", token));
        }
        finally
        {
            await ConsoleSeed.RemoveAsync(fixture, talking, earlier);
        }
    }

    [Fact]
    public async Task An_agents_token_shows_no_admin_screens_and_a_supervisor_cannot_change_agents()
    {
        await using var browser = await ConsoleBrowser.StartAsync(fixture.Api.BaseAddress);
        var page = browser.Page;
        await browser.OpenAsync("/live", fixture.Tokens.Agent(fixture.Seed.Agent1.Id));
        var nav = page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Main" });
        await Expect(nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Contacts" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Agents" })).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Statistics" })).ToHaveCountAsync(0);

        // Typing the address does not help: the screens refuse, and the grid is never shown.
        await browser.OpenAsync("/agents", fixture.Tokens.Agent(fixture.Seed.Agent1.Id));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The agents list is for supervisors and admins.");
        await Expect(page.GetByTestId("agents-table")).ToHaveCountAsync(0);
        await browser.OpenAsync("/statistics", fixture.Tokens.Agent(fixture.Seed.Agent1.Id));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Statistics are for supervisors and admins.");

        // Contacts: looked up, not changed.
        await browser.OpenAsync("/contacts", fixture.Tokens.Agent(fixture.Seed.Agent1.Id));
        await Expect(page.GetByTestId("contacts-table")).ToContainTextAsync("Acme Trading");
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New contact" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Edit Ali Valiyev" })).ToHaveCountAsync(0);

        // A supervisor sees the grid, read-only (the API keeps agent administration to admins).
        await browser.OpenAsync("/agents", fixture.Tokens.Supervisor());
        await Expect(Row(page, "1001")).ToContainTextAsync("Aziza");
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "New agent" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Edit Aziza" })).ToHaveCountAsync(0);
    }

    private static ILocator Row(IPage page, string extension) =>
        page.Locator($"[data-testid=agent-row][data-extension='{extension}']");

    private static async Task FillAgentAsync(IPage page, string extension, string name, string email)
    {
        await page.GetByLabel("Extension").FillAsync(extension);
        await page.GetByLabel("Name", new PageGetByLabelOptions { Exact = true }).FillAsync(name);
        await page.GetByLabel("Email").FillAsync(email);
    }

    private async Task<System.Text.Json.Nodes.JsonNode?> AgentAsync(string extension, string token)
    {
        var data = await fixture.Http.DataAsync("query { agents { extension name active } }", null, token);
        return data["agents"]!.AsArray().FirstOrDefault(a => a!["extension"]!.GetValue<string>() == extension);
    }
}
