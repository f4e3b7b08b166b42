using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Console.Tests.Infrastructure;
using CallCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallCenter.Console.Tests;

/// <summary>
/// Calling a missed caller back from the history: a test call to 2002 (rings, nobody answers) is hung up from the board,
/// so the log has a missed call; "Call back" asks the supervisor for their extension, originateCall rings agent 1001's
/// registered sipp phone, which answers, and Asterisk dials the caller through the trunk (the simulated provider
/// answers). The history, filtered by the number, shows the outbound call live until it completes.
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class ClickToCallTests(ApiFixture fixture, AsteriskFixture asterisk)
{
    static ClickToCallTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task Call_back_on_a_missed_call_in_the_history_places_an_outbound_call_from_the_supervisors_phone()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        await using var browser = await ConsoleBrowser.StartAsync(pipeline.Api.BaseAddress);
        var token = fixture.Tokens.Supervisor();
        var page = browser.Page;
        const string customer = "998905550701";

        await browser.OpenAsync("/live", token);
        var panel = page.GetByTestId("test-call");
        await panel.GetByLabel("Caller number").FillAsync(customer);
        await panel.GetByLabel("Number to ring").FillAsync("2002");
        await panel.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Place test call" }).ClickAsync();
        var row = page.GetByTestId("live-table").GetByTestId("live-call").Filter(new LocatorFilterOptions { HasText = customer });
        await Expect(row).ToHaveAttributeAsync("data-status", "RINGING");
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Hang up" }).ClickAsync();
        var missed = page.GetByTestId("ended-table").GetByTestId("live-call").Filter(new LocatorFilterOptions { HasText = customer });
        await Expect(missed).ToHaveAttributeAsync("data-status", "MISSED");
        // The board offers it too; the history is where a supervisor goes through the day's missed calls.
        await Expect(missed.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = $"Call back {customer}" })).ToBeVisibleAsync();

        // The phone rings 1 s, answers, talks 3 s and hangs up.
        await using var phone = await asterisk.RegisterSoftphoneAsync("1001", ringFor: TimeSpan.FromSeconds(1), hangUpAfter: TimeSpan.FromSeconds(3), cancellationToken: cancel);
        await page.GotoAsync($"console/history?number={customer}");
        await Expect(page.GetByTestId("history-call")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("history-call")).ToHaveAttributeAsync("data-status", "MISSED");
        await page.GetByTestId("history-call").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = $"Call back {customer}" }).ClickAsync();

        // A supervisor has no extension in the token: the console asks once and keeps it.
        var form = page.GetByRole(AriaRole.Form, new PageGetByRoleOptions { Name = $"Call back {customer}" });
        await form.GetByLabel("Your extension").FillAsync("1001");
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Call back" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new LocatorFilterOptions { HasText = "Your phone (1001) is ringing" }))
            .ToContainTextAsync($"answer it to call {customer}");

        var outbound = page.GetByTestId("history-call").Filter(new LocatorFilterOptions { HasText = "Outbound" });
        await Expect(outbound).ToHaveCountAsync(1);
        await Expect(outbound).ToHaveAttributeAsync("data-status", "COMPLETED");
        await Expect(outbound).ToContainTextAsync("1001");
        await browser.ScreenshotAsync("call-back");
        Assert.Equal("1001", await page.EvaluateAsync<string>("() => localStorage.getItem('callcenter.originExtension')"));
    }
}
