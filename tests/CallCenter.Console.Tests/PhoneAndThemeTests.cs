using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Console.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallCenter.Console.Tests;

/// <summary>The live board on a phone-sized screen (390×844) in the dark theme: readable and operable without sideways scrolling.</summary>
[Collection(ApiCollection.Name)]
public sealed class PhoneAndThemeTests(ApiFixture fixture)
{
    private const int PhoneWidth = 390;

    static PhoneAndThemeTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task The_live_board_is_usable_on_a_phone_in_the_dark_theme()
    {
        var caller = ConsoleSeed.NewNumber();
        var call = ConsoleSeed.InboundCall(caller, fixture.Seed.Agent1, DateTimeOffset.UtcNow.AddSeconds(-20), endedAfter: null);
        await ConsoleSeed.AddAsync(fixture, call);
        try
        {
            await using var browser = await ConsoleBrowser.StartAsync(
                fixture.Api.BaseAddress, new ViewportSize { Width = PhoneWidth, Height = 844 }, ColorScheme.Dark);
            var page = browser.Page;
            await browser.OpenAsync("/live", fixture.Tokens.Admin());

            // The system's dark scheme is followed: the page is dark, not just a toggle's label.
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
            Assert.Equal("rgb(18, 21, 26)", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).backgroundColor"));

            var row = page.GetByTestId("live-table").GetByTestId("live-call").Filter(new LocatorFilterOptions { HasText = caller });
            await Expect(row.Locator(".badge").First).ToHaveTextAsync("Talking");
            await Expect(row.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Save the caller as a contact" })).ToBeVisibleAsync();
            await browser.ScreenshotAsync("live-board-phone-dark");

            // Nothing is wider than the screen: the page does not scroll sideways...
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneWidth);
            // ...and the call's status, caller, timer and every control are on screen, navigation too.
            foreach (var element in new[]
            {
                row.Locator(".badge").First, row.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = caller }), row.Locator("td.timer"),
                row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Hang up" }),
                row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Hold", Exact = true }),
                page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "History" }),
                page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }),
            })
            {
                await element.ScrollIntoViewIfNeededAsync();
                await Expect(element).ToBeInViewportAsync();
                var box = await element.BoundingBoxAsync();
                Assert.NotNull(box);
                Assert.True(box!.X >= 0 && box.X + box.Width <= PhoneWidth, $"{element} spans {box.X}..{box.X + box.Width}");
            }

            // The row's link opens the call.
            await row.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = caller }).ClickAsync();
            await Expect(page.GetByTestId("call-detail")).ToHaveAttributeAsync("data-status", "ANSWERED");
        }
        finally
        {
            await ConsoleSeed.RemoveAsync(fixture, call);
        }
    }
}
