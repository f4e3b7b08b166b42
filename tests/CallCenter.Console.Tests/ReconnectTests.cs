using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Console.Tests.Infrastructure;
using CallCenter.Data;
using CallCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallCenter.Console.Tests;

/// <summary>
/// The API restarts under an open board: the connection indicator says so, a call that started meanwhile (its change
/// was published while nobody listened) comes in with the snapshot the board takes after reconnecting, and the
/// subscription works again, all without reloading the page.
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class ReconnectTests(ApiFixture fixture, AsteriskFixture asterisk)
{
    static ReconnectTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task After_the_API_restarts_the_indicator_shows_it_and_the_board_recovers_without_a_reload()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        await using var browser = await ConsoleBrowser.StartAsync(pipeline.Api.BaseAddress);
        var token = fixture.Tokens.Supervisor();
        var page = browser.Page;
        var connection = page.GetByTestId("connection");
        const string caller = "998905550801";

        await browser.OpenAsync("/live", token);
        await Expect(connection).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.GetByText("No call in progress")).ToBeVisibleAsync();
        // Gone if the page reloads.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await pipeline.StopApiAsync();
        await Expect(connection).ToHaveAttributeAsync("data-state", "reconnecting");
        await Expect(connection).ToHaveTextAsync("Reconnecting…");
        await browser.ScreenshotAsync("reconnecting");

        // While the API is away a customer calls 2002, which rings and nobody answers; the worker records it.
        await using var sipp = await SippTalkingCaller.CallAsync(asterisk.Server.SipPort, "2002", caller, TimeSpan.FromSeconds(120));
        await using (var db = new CallCenterDbContext(new DbContextOptionsBuilder<CallCenterDbContext>()
            .UseNpgsql(pipeline.Api.Settings["ConnectionStrings:callcenterdb"]!).Options))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (!await db.Calls.AnyAsync(c => c.CallerNumber == caller, cancel))
            {
                Assert.True(DateTime.UtcNow < deadline, "the worker did not record the call within 60 s");
                await Task.Delay(200, cancel);
            }
        }

        pipeline.StartApiAgain();
        await Expect(connection).ToHaveAttributeAsync("data-state", "connected");
        var row = page.GetByTestId("live-table").GetByTestId("live-call").Filter(new LocatorFilterOptions { HasText = caller });
        await Expect(row).ToHaveAttributeAsync("data-status", "RINGING");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");

        // The subscription is live again: hanging up moves the row to "Just ended" through liveCallsChanged.
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Hang up" }).ClickAsync();
        var ended = page.GetByTestId("ended-table").GetByTestId("live-call").Filter(new LocatorFilterOptions { HasText = caller });
        await Expect(ended).ToHaveAttributeAsync("data-status", "MISSED");
        await Expect(page.GetByTestId("live-table")).ToHaveCountAsync(0);
    }
}
