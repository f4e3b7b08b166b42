using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Console.Tests.Infrastructure;
using CallCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallCenter.Console.Tests;

/// <summary>
/// The Diagnostics screen in a real browser over the whole product: the seven checks appear and refresh, and
/// "Run test call" shows the hops as they complete.
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class DiagnosticsTests(ApiFixture fixture, AsteriskFixture asterisk)
{
    static DiagnosticsTests() => SetDefaultExpectTimeout(60_000);

    [Fact]
    public async Task The_screen_shows_every_check_and_the_test_call_passes_each_hop()
    {
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        await using var browser = await ConsoleBrowser.StartAsync(pipeline.Api.BaseAddress);
        var page = browser.Page;

        await browser.OpenAsync("/live", fixture.Tokens.Supervisor());
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Diagnostics" }).ClickAsync();
        var checks = page.GetByTestId("diagnostic-check");
        await Expect(checks).ToHaveCountAsync(7);
        foreach (var name in new[] { "ARI", "Ingestion", "Channel variables", "SIP", "Redis stream", "Worker", "API" })
        {
            await Expect(page.Locator($"[data-check='{name}']")).ToBeVisibleAsync();
        }

        await Expect(page.Locator("[data-check='ARI']")).ToHaveAttributeAsync("data-status", "OK");
        await Expect(page.Locator("[data-check='Worker']")).ToHaveAttributeAsync("data-status", "OK");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Run test call" }).ClickAsync();
        var result = page.GetByTestId("probe-result");
        await Expect(result).ToBeVisibleAsync();
        var hops = result.GetByTestId("probe-hop");
        await Expect(hops).ToHaveCountAsync(6);
        // The first hop passes while later ones are still waiting: the hops appear as they complete.
        await Expect(hops.First).ToHaveAttributeAsync("data-status", "PASSED");
        await Expect(result).ToHaveAttributeAsync("data-finished", "true");
        await Expect(result).ToHaveAttributeAsync("data-completed", "true");
        await Expect(result.GetByRole(AriaRole.Status)).ToHaveTextAsync("The test call went through every hop.");
        for (var i = 0; i < 6; i++)
        {
            await Expect(hops.Nth(i)).ToHaveAttributeAsync("data-status", "PASSED");
        }

        // After the test call the channel variables check has events to look at.
        await Expect(page.Locator("[data-check='Channel variables']")).ToHaveAttributeAsync("data-status", "OK");
        await browser.ScreenshotAsync("diagnostics");
    }
}
