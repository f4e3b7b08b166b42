using System.Text.RegularExpressions;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Console.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallCenter.Console.Tests;

/// <summary>
/// The statistics screen over the seeded statistics day (2026-02-01: eight calls, hand-computed in SeedData), in a
/// real browser: totals, both charts drawn, the tables, the time zone and threshold inputs, CSV export.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StatisticsTests(ApiFixture fixture)
{
    // --ok of the light theme: the answered bars' colour.
    private const int AnsweredRed = 0x1a, AnsweredGreen = 0x7f, AnsweredBlue = 0x37;

    static StatisticsTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task The_charts_render_with_the_days_figures_and_follow_the_time_zone_and_threshold()
    {
        await using var browser = await ConsoleBrowser.StartAsync(fixture.Api.BaseAddress);
        var page = browser.Page;
        var token = fixture.Tokens.Supervisor();
        await browser.OpenAsync("/statistics?from=2026-02-01&to=2026-02-01&tz=UTC&sl=20", token);

        // s1..s8: 4 answered (3 within 20 s), 2 missed, 1 busy, 1 failed; service level 3 / (4 + 2).
        await Expect(page.GetByTestId("stats-total")).ToHaveTextAsync("8");
        await Expect(page.GetByTestId("stats-answered")).ToHaveTextAsync("4");
        await Expect(page.GetByTestId("stats-missed")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("stats-busy-failed")).ToHaveTextAsync("1 / 1");
        await Expect(page.GetByTestId("stats-service-level")).ToHaveTextAsync("50%");

        // The hourly figures are the API's HOUR groups, folded into hours of the day.
        var hourly = await fixture.Http.DataAsync(
            "query { callStats(from: \"2026-02-01T00:00:00Z\", until: \"2026-02-02T00:00:00Z\", groupBy: HOUR, timeZone: \"UTC\") { key total answered } }", null, token);
        var expected = hourly["callStats"]!.AsArray().ToDictionary(r => r!["key"]!.GetValue<string>()[11..16], r => r!["total"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["08:00"] = 3, ["09:00"] = 3, ["10:00"] = 1, ["20:00"] = 1 }, expected);
        var hourlyChart = page.GetByTestId("hourly-chart");
        // The figures table under each chart (folded away; read here as a screen reader would).
        await Expect(hourlyChart.GetByTestId("hourly-chart-row")).ToHaveCountAsync(24);
        foreach (var hour in Enumerable.Range(0, 24).Select(h => $"{h:00}:00"))
        {
            var row = hourlyChart.Locator($"[data-testid=hourly-chart-row][data-key='{hour}'] td").First;
            await Expect(row).ToHaveTextAsync(expected.GetValueOrDefault(hour).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Both charts are drawn: their canvases hold the answered bars' colour (the legend is HTML, not on the canvas).
        Assert.True(await CanvasPixels.CountColourAsync(page, "[data-testid=hourly-chart]", AnsweredRed, AnsweredGreen, AnsweredBlue) > 100);
        Assert.True(await CanvasPixels.CountColourAsync(page, "[data-testid=daily-chart]", AnsweredRed, AnsweredGreen, AnsweredBlue) > 100);

        await Expect(page.GetByTestId("by-agent").Locator("[data-key='1001'] td").First).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("by-agent").Locator("[data-key='1001'] th")).ToHaveTextAsync("Aziza (1001)");
        await Expect(page.GetByTestId("by-agent").Locator("[data-key=''] th")).ToHaveTextAsync("No agent");
        await Expect(page.GetByTestId("by-direction").Locator("[data-key='INBOUND'] td").First).ToHaveTextAsync("7");
        await Expect(page.GetByTestId("by-direction").Locator("[data-key='OUTBOUND'] td").First).ToHaveTextAsync("1");
        await browser.ScreenshotAsync("statistics");

        // CSV export: every grouping in one file.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.StartsWith("group,key,total,answered,missed,busy,failed,answered_within_service_level,service_level", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nday,2026-02-01,8,4,2,1,1,3,0.5,", csv, StringComparison.Ordinal);
        Assert.Contains("\r\ndirection,OUTBOUND,1,1,0,0,0,1,1,", csv, StringComparison.Ordinal);

        // A longer threshold: s2 (25 s wait) now counts too.
        await page.GetByLabel("Service level: answered within (s)").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sl=30"));
        await Expect(page.GetByTestId("stats-service-level")).ToHaveTextAsync("67%");

        // The same date in Tashkent (UTC+5) starts five hours earlier: s8 (20:00 UTC) is already the next day there.
        await page.GetByLabel("Time zone").FillAsync("Asia/Tashkent");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("tz=Asia%2FTashkent"));
        await Expect(page.GetByTestId("stats-total")).ToHaveTextAsync("7");
        await Expect(hourlyChart.Locator("[data-testid=hourly-chart-row][data-key='13:00'] td").First).ToHaveTextAsync("3");
        await Expect(hourlyChart.Locator("[data-testid=hourly-chart-row][data-key='08:00'] td").First).ToHaveTextAsync("0");

        // A reload keeps the view: the inputs are the URL.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("stats-total")).ToHaveTextAsync("7");
        await Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Asia/Tashkent");
    }

    [Fact]
    public async Task A_period_without_calls_says_so_and_a_wrong_time_zone_is_refused_in_words()
    {
        await using var browser = await ConsoleBrowser.StartAsync(fixture.Api.BaseAddress);
        var page = browser.Page;
        await browser.OpenAsync("/statistics?from=2020-03-01&to=2020-03-02&tz=UTC", fixture.Tokens.Supervisor());
        await Expect(page.GetByText("No calls in this period.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("stats-total")).ToHaveTextAsync("0");

        await page.GetByLabel("Time zone").FillAsync("Mars/Olympus");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Unknown time zone");
        Assert.Contains("tz=UTC", page.Url, StringComparison.Ordinal);
    }
}
