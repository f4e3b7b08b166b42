using System.Net;
using System.Net.Http.Headers;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Data;

namespace CallCenter.Api.Tests;

/// <summary>Recording downloads from blob storage (Azurite): the signed link field, HTTP Range, and authorization.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecordingDownloadTests(ApiFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_signed_link_streams_the_recording_with_range_support()
    {
        var (call, audio) = await SeedRecordingAsync(fixture.Seed.Agent1);
        var data = await fixture.Http.DataAsync("query($id: ID!) { call(id: $id) { recording { available sizeBytes downloadUrl } } }",
            new { id = call.Id }, fixture.Tokens.Agent(fixture.Seed.Agent1.Id));
        var recording = data["call"]!["recording"]!;
        Assert.True(recording["available"]!.GetValue<bool>());
        var link = recording["downloadUrl"]!.GetValue<string>();

        using var anonymous = fixture.Api.CreateHttpClient();
        var whole = await anonymous.GetByteArrayAsync(link.TrimStart('/'), Cancel);
        Assert.Equal(audio, whole);

        using var ranged = new HttpRequestMessage(HttpMethod.Get, link.TrimStart('/'));
        ranged.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await anonymous.SendAsync(ranged, Cancel);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal($"bytes 100-199/{audio.Length}", partial.Content.Headers.ContentRange?.ToString());
        Assert.Equal(audio[100..200], await partial.Content.ReadAsByteArrayAsync(Cancel));

        using var suffix = new HttpRequestMessage(HttpMethod.Get, link.TrimStart('/'));
        suffix.Headers.Range = new RangeHeaderValue(null, 10);
        using var tail = await anonymous.SendAsync(suffix, Cancel);
        Assert.Equal(audio[^10..], await tail.Content.ReadAsByteArrayAsync(Cancel));

        using var beyond = new HttpRequestMessage(HttpMethod.Get, link.TrimStart('/'));
        beyond.Headers.Range = new RangeHeaderValue(audio.Length + 10, null);
        using var unsatisfiable = await anonymous.SendAsync(beyond, Cancel);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
    }

    [Fact]
    public async Task A_tampered_link_is_refused_and_bearer_access_follows_call_visibility()
    {
        var (call, audio) = await SeedRecordingAsync(fixture.Seed.Agent2);
        Guid recordingId;
        await using (var db = fixture.CreateDbContext())
        {
            recordingId = db.Recordings.Single(r => r.CallId == call.Id).Id;
        }

        using var anonymous = fixture.Api.CreateHttpClient();
        using (var tampered = await anonymous.GetAsync($"recordings/{recordingId}?expires=9999999999&sig=00", Cancel))
        {
            Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        }

        using (var noToken = await anonymous.GetAsync($"recordings/{recordingId}", Cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        }

        using var otherAgent = new HttpRequestMessage(HttpMethod.Get, $"recordings/{recordingId}");
        otherAgent.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Tokens.Agent(fixture.Seed.Agent1.Id));
        using (var hidden = await anonymous.SendAsync(otherAgent, Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using var owner = new HttpRequestMessage(HttpMethod.Get, $"recordings/{recordingId}");
        owner.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Tokens.Agent(fixture.Seed.Agent2.Id));
        using var allowed = await anonymous.SendAsync(owner, Cancel);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(audio, await allowed.Content.ReadAsByteArrayAsync(Cancel));
    }

    private async Task<(Call Call, byte[] Audio)> SeedRecordingAsync(Agent agent)
    {
        var audio = new byte[48_000];
        Random.Shared.NextBytes(audio);
        var blobName = $"tests/{Guid.NewGuid():N}.wav";
        var container = fixture.Azurite.CreateClient().GetBlobContainerClient("recordings");
        await container.CreateIfNotExistsAsync(cancellationToken: Cancel);
        await container.GetBlobClient(blobName).UploadAsync(new BinaryData(audio), Cancel);

        // In December 2025 only: other tests of the shared database count every call of the seeded history (January)
        // and statistics day (2026-02-01); up to 100,000 minutes later (its range before) once landed on that day.
        var started = new DateTimeOffset(2025, 12, 1, 10, 0, 0, TimeSpan.Zero).AddMinutes(Random.Shared.Next(40_000));
        var call = new Call
        {
            Id = Guid.NewGuid(), AsteriskId = "rec", CallKey = $"rec-{Guid.NewGuid():N}", Direction = CallDirection.Inbound,
            Status = CallStatus.Completed, AgentId = agent.Id, AgentExtension = agent.Extension, StartedAt = started,
            EndedAt = started.AddMinutes(1), DurationSeconds = 60, RecordingName = blobName, Version = 1, UpdatedAt = started,
        };
        await using var db = fixture.CreateDbContext();
        db.Calls.Add(call);
        db.Recordings.Add(new Recording
        {
            Id = Guid.NewGuid(), CallId = call.Id, SourceName = "inbound-x", Status = RecordingStatus.Completed, ContainerName = "recordings",
            BlobName = blobName, ContentType = "audio/wav", SizeBytes = audio.Length, CreatedAt = started, UploadedAt = started.AddMinutes(2),
            NextAttemptAt = started,
        });
        await db.SaveChangesAsync(Cancel);
        return (call, audio);
    }
}
