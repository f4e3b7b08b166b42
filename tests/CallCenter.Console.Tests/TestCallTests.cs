using System.Globalization;
using System.Text.Json.Nodes;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Console.Tests.Infrastructure;
using CallCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallCenter.Console.Tests;

/// <summary>
/// The supervisor's test-call button through the real PBX: simulateIncomingCall → Asterisk's inbound route → the main
/// line rings agent 1001's registered sipp phone → ingestion → worker → API → the board (and a wallboard in a second
/// tab). The call is then held, transferred and hung up from its row. Also measured, not asserted: how long the
/// console takes to load, and how long after Asterisk started the call its row appears.
/// </summary>
[Collection(AsteriskCollection.Name)]
public sealed class TestCallTests(ApiFixture fixture, AsteriskFixture asterisk)
{
    static TestCallTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task The_test_call_button_rings_a_call_on_the_board_that_is_held_transferred_and_hung_up_from_its_row()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var pipeline = await CallPipeline.StartAsync(fixture, asterisk);
        // Agent 1001's phone rings 6 s, then answers and echoes until the other side hangs up.
        await using var phone = await asterisk.RegisterSoftphoneAsync("1001", ringFor: TimeSpan.FromSeconds(6), cancellationToken: cancel);
        await using var browser = await ConsoleBrowser.StartAsync(pipeline.Api.BaseAddress);
        var token = fixture.Tokens.Supervisor();
        var page = browser.Page;
        const string caller = "998905550601";

        await browser.WatchBoardReadyAsync();
        await browser.OpenAsync("/live", token);
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.GetByText("No call in progress")).ToBeVisibleAsync();
        var load = await browser.LoadTimingAsync();
        TestRun.Log("measure", string.Create(CultureInfo.InvariantCulture,
            $"console cold load: DOMContentLoaded {load.DomContentLoadedMs:F0} ms, load {load.LoadMs:F0} ms, live board ready {load.ReadyMs:F0} ms, {load.TransferredBytes / 1024:F0} KiB transferred"));
        Assert.True(load.ReadyMs > 0, "the page never noted the board as ready");

        var wallboard = await browser.OpenPageAsync("/wallboard", token);
        await Expect(wallboard.GetByTestId("wb-ringing-value")).ToHaveTextAsync("0");

        await browser.WatchForRowAsync(caller);
        var panel = page.GetByTestId("test-call");
        await panel.GetByLabel("Caller number").FillAsync(caller);
        await panel.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Place test call" }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Status)).ToContainTextAsync($"Test call from {caller} is ringing on 5550100");

        var row = page.GetByTestId("live-table").GetByTestId("live-call").Filter(new LocatorFilterOptions { HasText = caller });
        await Expect(row).ToHaveAttributeAsync("data-status", "RINGING");
        await Expect(row).ToContainTextAsync("Inbound");
        await Expect(row.GetByRole(AriaRole.Link)).ToHaveTextAsync(caller);
        await Expect(page.GetByTestId("strip-ringing")).ToHaveTextAsync("1");
        await Expect(wallboard.GetByTestId("wb-ringing-value")).ToHaveTextAsync("1");
        await Expect(wallboard.GetByTestId("wb-ringing")).ToHaveAttributeAsync("data-level", "ok");
        await browser.ScreenshotAsync("test-call");
        await browser.ScreenshotAsync("wallboard", wallboard);

        await LiveBoardTests.LogRowDelayAsync(browser, pipeline, row, token);
        var callId = await row.GetAttributeAsync("data-call-id");
        using var http = pipeline.Api.CreateHttpClient();

        await Expect(row).ToHaveAttributeAsync("data-status", "ANSWERED");
        await Expect(row).ToContainTextAsync("1001");
        await Expect(row).ToContainTextAsync("Inbound");
        await Expect(row.GetByRole(AriaRole.Link)).ToHaveTextAsync(caller);
        await WaitForBridgeAsync(cancel);

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Hold", Exact = true }).ClickAsync();
        await Expect(row.GetByText("On hold")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Unhold" }).ClickAsync();
        await Expect(row.GetByText("On hold")).ToHaveCountAsync(0);

        // Blind transfer to 2000 (answers and echoes): the caller leaves agent 1001 and the call goes on.
        await row.GetByLabel("Transfer to extension or number").FillAsync("2000");
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(row.GetByTestId("transferred")).ToBeVisibleAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "ANSWERED");
        await Expect(row.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Hang up" }).ClickAsync();
        var ended = page.GetByTestId("ended-table").GetByTestId("live-call").Filter(new LocatorFilterOptions { HasText = caller });
        await Expect(ended).ToHaveAttributeAsync("data-status", "COMPLETED");
        await Expect(wallboard.GetByTestId("wb-answered-value")).ToHaveTextAsync("1");

        var data = await http.DataAsync("query($id: ID!) { call(id: $id) { status direction callerNumber holdCount transferCount } }", new { id = callId }, token);
        Assert.Equal("COMPLETED", data["call"]!["status"]!.GetValue<string>());
        Assert.Equal("INBOUND", data["call"]!["direction"]!.GetValue<string>());
        Assert.Equal(caller, data["call"]!["callerNumber"]!.GetValue<string>());
        Assert.Equal(1, data["call"]!["holdCount"]!.GetValue<int>());
        Assert.Equal(1, data["call"]!["transferCount"]!.GetValue<int>());
    }

    /// <summary>Hold needs both parties back in the application's bridge, which follows the answer by a moment.</summary>
    private async Task WaitForBridgeAsync(CancellationToken cancel)
    {
        using var ari = asterisk.CreateAriClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (JsonNode.Parse(await ari.GetStringAsync("bridges", cancel))!.AsArray().All(b => b!["channels"]!.AsArray().Count < 2))
        {
            Assert.True(DateTime.UtcNow < deadline, "ARI shows no bridge with the caller's half and the agent");
            await Task.Delay(200, cancel);
        }
    }
}
