using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Console.Tests.Infrastructure;
using CallCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallCenter.Console.Tests;

/// <summary>
/// The console in a real browser against the whole product: a sipp caller → Asterisk → ingestion → Redis → the
/// persistence worker → PostgreSQL → the API, which serves the console. A sipp agent rings for a while, then answers.
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class LiveBoardTests(ApiFixture fixture, AsteriskFixture asterisk)
{
    static LiveBoardTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task A_call_appears_ringing_turns_answered_is_held_and_completes_when_hung_up_from_the_board()
    {
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        await using var browser = await ConsoleBrowser.StartAsync(pipeline.Api.BaseAddress);
        var token = fixture.Tokens.Supervisor();
        var page = browser.Page;
        const string caller = "998905550301";

        await browser.OpenAsync("/live", token);
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.GetByText("No call in progress")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("strip-ringing")).ToHaveTextAsync("0");
        // The one-click link's token is taken out of the address bar.
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal);

        // 2001 rings the test agent, whose phone rings for 8 s before it answers.
        await browser.WatchForRowAsync(caller);
        await using var agent = SippAgent.StartAnsweringAfter(asterisk.TestAgentPort, TimeSpan.FromSeconds(8));
        await using var sipp = await SippTalkingCaller.CallAsync(asterisk.Server.SipPort, "2001", caller, TimeSpan.FromSeconds(150));

        var row = page.GetByTestId("live-table").GetByTestId("live-call").Filter(new LocatorFilterOptions { HasText = caller });
        await Expect(row).ToHaveAttributeAsync("data-status", "RINGING");
        await Expect(row.Locator(".badge").First).ToHaveTextAsync("Ringing");
        await Expect(page.GetByTestId("strip-ringing")).ToHaveTextAsync("1");
        await LogRowDelayAsync(browser, pipeline, row, token);

        await Expect(row).ToHaveAttributeAsync("data-status", "ANSWERED");
        await Expect(row.Locator(".badge").First).ToHaveTextAsync("Talking");
        await Expect(row).ToContainTextAsync("test-agent");
        await Expect(page.GetByTestId("strip-ringing")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("strip-talking")).ToHaveTextAsync("1");
        await browser.ScreenshotAsync("live-board");
        var callId = await row.GetAttributeAsync("data-call-id");
        Assert.False(string.IsNullOrEmpty(callId));

        // Hold and unhold the customer from the row: the legs' onHold comes back through the pipeline.
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Hold", Exact = true }).ClickAsync();
        await Expect(row.GetByText("On hold")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Unhold" }).ClickAsync();
        await Expect(row.GetByText("On hold")).ToHaveCountAsync(0);
        await Expect(row.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Hang up" }).ClickAsync();
        var ended = page.GetByTestId("ended-table").GetByTestId("live-call").Filter(new LocatorFilterOptions { HasText = caller });
        await Expect(ended).ToHaveAttributeAsync("data-status", "COMPLETED");
        await Expect(ended.Locator(".badge").First).ToHaveTextAsync("Completed");
        await Expect(page.GetByTestId("live-table")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("strip-talking")).ToHaveTextAsync("0");
        // The pipeline's database is new: this is today's only answered call.
        await Expect(page.GetByTestId("strip-answered")).ToHaveTextAsync("1");

        // The record says our side (the system) ended it.
        using var http = pipeline.Api.CreateHttpClient();
        var data = await http.DataAsync("query($id: ID!) { call(id: $id) { status hangupBy } }", new { id = callId }, token);
        Assert.Equal("COMPLETED", data["call"]!["status"]!.GetValue<string>());
        Assert.Equal("SYSTEM", data["call"]!["hangupBy"]!.GetValue<string>());
        Assert.Equal(0, await sipp.WaitForExitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>
    /// Logs (measures, does not assert) how long after Asterisk created the call's first channel its row appeared in the
    /// browser: the call's startedAt is that channel's creation time, and both clocks are this machine's.
    /// </summary>
    internal static async Task LogRowDelayAsync(ConsoleBrowser browser, CallPipeline pipeline, ILocator row, string token)
    {
        var seenAt = Assert.NotNull(await browser.RowSeenAtAsync());
        using var http = pipeline.Api.CreateHttpClient();
        var data = await http.DataAsync("query($id: ID!) { call(id: $id) { startedAt } }", new { id = await row.GetAttributeAsync("data-call-id") }, token);
        var startedAt = DateTimeOffset.Parse(data["call"]!["startedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        TestRun.Log("measure", FormattableString.Invariant(
            $"live board: the row appeared {seenAt - startedAt.ToUnixTimeMilliseconds():F0} ms after Asterisk created the call's first channel"));
    }
}
