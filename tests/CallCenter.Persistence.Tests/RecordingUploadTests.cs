using System.Security.Cryptography;
using CallCenter.Data;
using CallCenter.Testing;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace CallCenter.Persistence.Tests;

/// <summary>Recordings come from a real Asterisk's stored recordings (ARI) and go to Azurite.</summary>
[Collection(RecordingsCollection.Name)]
public sealed class RecordingUploadTests(PostgresFixture postgres, RedisFixture redis, AzuriteFixture azurite, AsteriskFixture asterisk)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private readonly IDatabase _redis = redis.Connection.GetDatabase();

    private async Task<WorkerSettings> NewSettingsAsync() => new(
        await postgres.CreateDatabaseAsync("recordings"), redis.ConnectionString, $"test:{Guid.NewGuid():N}", "w1")
    {
        Recordings = true,
        Blobs = azurite.ConnectionString,
        AriBaseUrl = asterisk.Server.AriBaseUrl,
        AriUsername = asterisk.Server.AriUsername,
        AriPassword = asterisk.Server.AriPassword,
    };

    /// <summary>An answered call whose MixMonitor file (a real WAV) sits in Asterisk's recording spool.</summary>
    private (AriEventScript Script, string RecordingName, byte[] Audio) RecordedCall(double audioSeconds)
    {
        var script = new AriEventScript(Start);
        var (caller, _) = CallFlows.Answered(script);
        var name = $"inbound-{caller.Id.Replace('.', '-')}";
        var audio = TestAudio.Wav(audioSeconds);
        File.WriteAllBytes(SpoolPath(name), audio);
        return (script, name, audio);
    }

    private string SpoolPath(string name) => Path.Combine(asterisk.Server.RecordingSpoolDirectory, name + ".wav");

    private static async Task<Recording?> RecordingAsync(string database)
    {
        await using var db = CallLog.Open(database);
        return await db.Recordings.AsNoTracking().SingleOrDefaultAsync();
    }

    [Fact]
    public async Task A_finished_calls_recording_is_uploaded_verified_recorded_and_then_removed_from_Asterisk()
    {
        var settings = await NewSettingsAsync();
        var (script, name, audio) = RecordedCall(audioSeconds: 3);
        await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);

        await using var worker = await WorkerHost.StartAsync(settings);
        await Eventually.WaitAsync(async () => (await RecordingAsync(settings.Database))?.Status == RecordingStatus.Completed,
            TimeSpan.FromSeconds(60), "the recording is uploaded");

        var recording = (await RecordingAsync(settings.Database))!;
        var call = Assert.Single(await CallLog.CallsAsync(settings.Database));
        Assert.Equal(call.Id, recording.CallId);
        Assert.Equal(name, recording.SourceName);
        Assert.Equal(audio.Length, recording.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(audio)), recording.Sha256);
        Assert.Equal(3, recording.DurationSeconds!.Value, 2);
        Assert.Equal("audio/wav", recording.ContentType);
        Assert.StartsWith($"2026/11/22/{call.Id}/", recording.BlobName, StringComparison.Ordinal);
        Assert.NotNull(recording.SourceDeletedAt);

        var blob = azurite.CreateClient().GetBlobContainerClient("recordings").GetBlobClient(recording.BlobName);
        var downloaded = (await blob.DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToArray();
        Assert.Equal(audio, downloaded);
        Assert.False(File.Exists(SpoolPath(name)), "Asterisk's copy is deleted after the verified upload");
    }

    [Fact]
    public async Task While_blob_storage_is_down_recordings_are_retried_reported_and_kept_in_Asterisk_until_they_land()
    {
        var settings = await NewSettingsAsync();
        var (script, name, audio) = RecordedCall(audioSeconds: 2);
        await azurite.Server.StopAsync();
        try
        {
            await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);
            await using var worker = await WorkerHost.StartAsync(settings);
            await Eventually.WaitAsync(async () => (await RecordingAsync(settings.Database)) is { Status: RecordingStatus.Failed, Attempts: >= 3 },
                TimeSpan.FromSeconds(60), "the recording is reported as failing");
            var failing = (await RecordingAsync(settings.Database))!;
            Assert.NotNull(failing.LastError);
            Assert.Null(failing.UploadedAt);
            Assert.True(File.Exists(SpoolPath(name)), "Asterisk's copy is kept while the upload fails");

            await azurite.Server.StartAsync(TestContext.Current.CancellationToken);
            await Eventually.WaitAsync(async () => (await RecordingAsync(settings.Database))?.Status == RecordingStatus.Completed,
                TimeSpan.FromSeconds(60), "the recording lands once storage is back");
        }
        finally
        {
            await azurite.Server.StartAsync(TestContext.Current.CancellationToken);
        }

        var recording = (await RecordingAsync(settings.Database))!;
        Assert.Null(recording.LastError);
        var blob = azurite.CreateClient().GetBlobContainerClient("recordings").GetBlobClient(recording.BlobName);
        Assert.Equal(audio, (await blob.DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToArray());
        Assert.False(File.Exists(SpoolPath(name)));
    }

    [Fact]
    public async Task A_recording_missing_in_Asterisk_is_retried_and_reported_never_silently_dropped()
    {
        var settings = await NewSettingsAsync();
        var script = new AriEventScript(Start);
        CallFlows.Answered(script);
        await StreamFeeder.AddAsync(_redis, settings.Stream, script.Entries);

        await using var worker = await WorkerHost.StartAsync(settings);
        await Eventually.WaitAsync(async () => (await RecordingAsync(settings.Database)) is { Status: RecordingStatus.Failed },
            TimeSpan.FromSeconds(60), "the missing recording is reported");
        var recording = (await RecordingAsync(settings.Database))!;
        Assert.Contains("NotFound", recording.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.True(recording.NextAttemptAt > DateTimeOffset.UtcNow.AddSeconds(-5), "it is still scheduled for retries");
    }
}
