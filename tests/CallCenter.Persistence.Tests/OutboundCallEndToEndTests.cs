using CallCenter.Data;
using CallCenter.Testing;

namespace CallCenter.Persistence.Tests;

/// <summary>
/// Agents' own calls through the whole pipeline: sipp softphones register as agents with digest authentication and
/// call out through the trunk to the bundled stack's simulated provider (asterisk/simulated-provider-extensions.conf),
/// or call each other; the ingestion service and this worker turn them into call records. Nothing is simulated
/// but the far end of the trunk, which is the same Asterisk on a second transport.
/// </summary>
[Collection(RecordingsCollection.Name)]
public sealed class OutboundCallEndToEndTests(PostgresFixture postgres, RedisFixture redis, AzuriteFixture azurite, AsteriskFixture asterisk)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan TalkTime = TimeSpan.FromSeconds(4);
    private readonly EndToEndPipeline _pipeline = new(postgres, redis, azurite, asterisk);

    [Fact]
    public async Task Outbound_calls_to_the_provider_end_as_completed_busy_failed_and_no_answer_each_with_one_record()
    {
        var settings = await _pipeline.NewSettingsAsync();
        await using var worker = await WorkerHost.StartAsync(settings);
        await using var ingestion = await _pipeline.StartIngestionAsync(settings);
        var cancel = TestContext.Current.CancellationToken;
        var agent = asterisk.Agent("1001");

        // The provider answers 5551234 and echoes; 5553XXX is busy (486); 5554XXX does not exist (404: CHANUNAVAIL,
        // the agent's phone gets 480); 5555XXX is congested (503); 5552XXX rings 2 s (the fixture's setting) and gives up (480).
        var answered = await PlaceAsync(new SippCallOptions("5551234") { Agent = agent, TalkTime = TalkTime }, cancel);
        var busy = await PlaceAsync(new SippCallOptions("5553000") { Agent = agent, Scenario = SippScenario.ExpectFinalResponse, ExpectedStatus = 486 }, cancel);
        var unreachable = await PlaceAsync(new SippCallOptions("5554000") { Agent = agent, Scenario = SippScenario.ExpectFinalResponse, ExpectedStatus = 480 }, cancel);
        var congested = await PlaceAsync(new SippCallOptions("5555000") { Agent = agent, Scenario = SippScenario.ExpectFinalResponse, ExpectedStatus = 503 }, cancel);
        var unanswered = await PlaceAsync(new SippCallOptions("5552000") { Agent = agent, Scenario = SippScenario.ExpectFinalResponse, ExpectedStatus = 480 }, cancel);
        foreach (var result in new[] { answered, busy, unreachable, congested, unanswered })
        {
            Assert.True(result.AllSucceeded, result.ToString());
        }

        string[] numbers = ["5551234", "5553000", "5554000", "5555000", "5552000"];
        await Eventually.WaitAsync(
            async () => (await EndToEndPipeline.FinishedCallsAsync(settings.Database)) is var calls
                && numbers.All(n => calls.Any(c => c.DialedNumber == n))
                && calls.Single(c => c.DialedNumber == "5551234").Recordings is [{ Status: RecordingStatus.Completed }],
            Timeout, "the five outbound calls are finished and the answered one's recording is uploaded");
        var stored = await EndToEndPipeline.FinishedCallsAsync(settings.Database);
        TestRun.Log("test", string.Join("\n", stored.Select(c => $"{c.DialedNumber} {c.Direction} {c.Status} cause {c.HangupCause} {c.HangupCauseText}")));

        // One record per call: the provider's own channels (the far end of the trunk) are not calls of the call centre.
        Assert.Equal(numbers.Length, stored.Count);
        Assert.All(stored, call => Assert.Equal(CallDirection.Outbound, call.Direction));
        Assert.All(stored, call => Assert.Equal("1001", call.AgentExtension));
        var byNumber = stored.ToDictionary(c => c.DialedNumber!);

        var completed = byNumber["5551234"];
        Assert.Equal(CallStatus.Completed, completed.Status);
        Assert.NotNull(completed.AnsweredAt);
        Assert.InRange(completed.TalkSeconds!.Value, TalkTime.TotalSeconds - 1, TalkTime.TotalSeconds + 1.5);
        Assert.Equal(HangupSide.Caller, completed.HangupBy);
        var recording = Assert.Single(completed.Recordings);
        Assert.StartsWith("outbound-", recording.SourceName, StringComparison.Ordinal);
        // About 4 s of 8 kHz 16-bit WAV is 64 KB.
        Assert.True(recording.SizeBytes > 30_000, $"recording {recording.SourceName} has {recording.SizeBytes} bytes");
        var blob = azurite.CreateClient().GetBlobContainerClient("recordings").GetBlobClient(recording.BlobName);
        var download = await blob.DownloadContentAsync(cancel);
        Assert.Equal(recording.SizeBytes, download.Value.Content.ToMemory().Length);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(download.Value.Content.ToMemory().Span[..4]));

        Assert.Equal(CallStatus.Busy, byNumber["5553000"].Status);
        Assert.Equal(17, byNumber["5553000"].HangupCause);

        // The network's answer is the call's hangup cause: 404 is 1 (unallocated number), 503 is 34 (congestion).
        Assert.Equal(CallStatus.Failed, byNumber["5554000"].Status);
        Assert.Equal(1, byNumber["5554000"].HangupCause);
        Assert.Equal("CHANUNAVAIL", byNumber["5554000"].Legs.Single(l => l.ChannelId == byNumber["5554000"].CallKey).DialStatus);
        Assert.Equal(CallStatus.Failed, byNumber["5555000"].Status);
        Assert.Equal(34, byNumber["5555000"].HangupCause);

        Assert.Equal(CallStatus.NoAnswer, byNumber["5552000"].Status);
        Assert.Null(byNumber["5552000"].AnsweredAt);
        Assert.InRange(byNumber["5552000"].RingSeconds!.Value, 1.5, 10);
    }

    [Fact]
    public async Task An_agent_calling_another_registered_agent_is_an_internal_completed_call()
    {
        var settings = await _pipeline.NewSettingsAsync();
        await using var worker = await WorkerHost.StartAsync(settings);
        await using var ingestion = await _pipeline.StartIngestionAsync(settings);
        var cancel = TestContext.Current.CancellationToken;

        await using var callee = await asterisk.RegisterSoftphoneAsync("1002", ringFor: TimeSpan.FromSeconds(1), cancellationToken: cancel);
        var result = await PlaceAsync(new SippCallOptions("1002") { Agent = asterisk.Agent("1001"), TalkTime = TalkTime }, cancel);
        Assert.True(result.AllSucceeded, result.ToString() + "\n--- callee ---\n" + callee.Tail());

        await Eventually.WaitAsync(
            async () => (await EndToEndPipeline.FinishedCallsAsync(settings.Database)).Any(c => c.DialedNumber == "1002"),
            Timeout, "the internal call is finished");
        var call = Assert.Single(await EndToEndPipeline.FinishedCallsAsync(settings.Database));

        Assert.Equal(CallDirection.Internal, call.Direction);
        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal("1001", call.AgentExtension);
        Assert.Equal("1001", call.CallerNumber);
        Assert.InRange(call.RingSeconds!.Value, 0.5, 5);
        Assert.InRange(call.TalkSeconds!.Value, TalkTime.TotalSeconds - 1, TalkTime.TotalSeconds + 1.5);
        Assert.Contains(call.Legs, l => l.Endpoint == "PJSIP/1002" && l.AnsweredAt is not null);
    }

    private Task<SippCallResult> PlaceAsync(SippCallOptions options, CancellationToken cancellationToken) =>
        asterisk.Sipp.PlaceCallsAsync(options with { Timeout = TimeSpan.FromSeconds(30) }, cancellationToken);
}
