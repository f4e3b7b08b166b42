using System.Collections.Concurrent;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Console.Tests.Infrastructure;
using CallCenter.Data;
using CallCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CallCenter.Console.Tests;

/// <summary>The call detail's recording player over a real recording in blob storage (Azurite), in a real browser.</summary>
[Collection(ApiCollection.Name)]
public sealed class PlaybackTests(ApiFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    static PlaybackTests() => SetDefaultExpectTimeout(30_000);

    [Fact]
    public async Task The_recording_plays_seeks_with_byte_ranges_and_downloads_whole()
    {
        var audio = TestAudio.Wav(30);
        var call = await SeedCallWithRecordingAsync(audio, TimeSpan.FromSeconds(30));
        await using var browser = await ConsoleBrowser.StartAsync(fixture.Api.BaseAddress);
        var page = browser.Page;
        var recordingRequests = new ConcurrentQueue<IRequest>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/recordings/", StringComparison.Ordinal))
            {
                recordingRequests.Enqueue(request);
            }
        };

        await browser.OpenAsync($"/calls/{call.Id}", fixture.Tokens.Supervisor());
        await Expect(page.GetByTestId("call-detail")).ToHaveAttributeAsync("data-status", "COMPLETED");
        await Expect(page.GetByTestId("player-time")).ToHaveTextAsync("0:00 / 0:30");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Play" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=recording-audio]').currentTime > 0.5");
        await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Pause" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Forward 10 seconds" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=recording-audio]').currentTime >= 10");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Pause" }).ClickAsync();
        // The waveform is the recording's: the tone fills the height (a flat line, as drawn before the fix, paints a row or two).
        await page.WaitForFunctionAsync(CanvasPixels.PaintedRowsAtLeast("[data-testid=waveform]", 20));
        await browser.ScreenshotAsync("call-detail");

        // The audio element reads the signed link in byte ranges.
        var ranges = new List<string>();
        foreach (var request in recordingRequests)
        {
            if ((await request.AllHeadersAsync()).TryGetValue("range", out var range))
            {
                ranges.Add(range);
            }
        }

        Assert.Contains(ranges, range => range.StartsWith("bytes=", StringComparison.Ordinal));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download" }).ClickAsync());
        Assert.Equal(audio, await File.ReadAllBytesAsync(await download.PathAsync(), Cancel));
    }

    private async Task<Call> SeedCallWithRecordingAsync(byte[] audio, TimeSpan length)
    {
        var blobName = $"console-tests/{Guid.NewGuid():N}.wav";
        var container = fixture.Azurite.CreateClient().GetBlobContainerClient("recordings");
        await container.CreateIfNotExistsAsync(cancellationToken: Cancel);
        await container.GetBlobClient(blobName).UploadAsync(new BinaryData(audio), Cancel);

        var agent = fixture.Seed.Agent1;
        // In November 2025 only: other tests count every call of the seeded history day (2026-01-05), which up to
        // 100,000 minutes later (its range before) could reach.
        var started = new DateTimeOffset(2025, 11, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(Random.Shared.Next(40_000));
        var call = new Call
        {
            Id = Guid.NewGuid(), AsteriskId = "console", CallKey = $"console-{Guid.NewGuid():N}", Direction = CallDirection.Inbound,
            Status = CallStatus.Completed, CallerNumber = "998907770001", DialedNumber = agent.Extension, AgentId = agent.Id,
            AgentExtension = agent.Extension, StartedAt = started, AnsweredAt = started.AddSeconds(4), EndedAt = started.AddSeconds(4) + length,
            RingSeconds = 4, TalkSeconds = length.TotalSeconds, DurationSeconds = 4 + length.TotalSeconds, RecordingName = blobName,
            Version = 1, UpdatedAt = started,
        };
        await using var db = fixture.CreateDbContext();
        db.Calls.Add(call);
        db.Recordings.Add(new Recording
        {
            Id = Guid.NewGuid(), CallId = call.Id, SourceName = "console-test", Status = RecordingStatus.Completed, ContainerName = "recordings",
            BlobName = blobName, ContentType = "audio/wav", SizeBytes = audio.Length, DurationSeconds = length.TotalSeconds,
            CreatedAt = started, UploadedAt = started.AddMinutes(2), NextAttemptAt = started,
        });
        await db.SaveChangesAsync(Cancel);
        return call;
    }
}
