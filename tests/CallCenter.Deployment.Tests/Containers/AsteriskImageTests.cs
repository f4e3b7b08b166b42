using CallCenter.Contracts;
using CallCenter.LocalServers;
using CallCenter.Testing;
using StackExchange.Redis;

namespace CallCenter.Deployment.Tests.Containers;

/// <summary>
/// The Asterisk image, built from the local base: a container of it registers an agent's sipp softphone and answers a
/// trunk call to the main line with it, and the ingestion service (a process) captures the call from its ARI.
/// </summary>
[Collection(AsteriskImageCollection.Name)]
public sealed class AsteriskImageTests(AsteriskImage image, RedisFixture redis)
{
    /// <summary>The main line rings every agent (asterisk/README.md); only 1001 is registered to answer.</summary>
    private const string MainLine = "5550100";
    private const string Agent = "1001";
    private const string Caller = "998907654321";

    [Fact(SkipUnless = nameof(Podman.IsInstalled), SkipType = typeof(Podman), Skip = Podman.SkipReason)]
    public async Task A_container_registers_an_agent_answers_a_call_and_the_ingestion_process_captures_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Assert.Equal("asterisk", await Podman.InspectImageAsync(image.Reference, "{{.Config.User}}"));
        await using var asterisk = new AsteriskContainer(image.Reference);
        await asterisk.StartAsync();
        var stream = $"asterisk-image:{Guid.NewGuid():N}";
        await using var ingestion = new IngestionProcess(new Dictionary<string, string>
        {
            ["ConnectionStrings__redis"] = redis.ConnectionString,
            ["Ari__BaseUrl"] = asterisk.AriBaseUrl.AbsoluteUri,
            ["Ari__Username"] = AsteriskServer.AriUser,
            ["Ari__Password"] = asterisk.Settings.Secrets.AriPassword,
            ["Ingestion__StreamName"] = stream,
        });
        await ingestion.StartAsync(cancellationToken);

        using var ari = asterisk.CreateAriClient();
        await using var phone = await SippSoftphone.RegisterAsync(
            ari, asterisk.Settings.SipPort, Agent, asterisk.Settings.Secrets.AgentPasswords[Agent], ringFor: TimeSpan.FromSeconds(1), cancellationToken: cancellationToken);
        var result = await new SippRunner(asterisk.Settings.SipPort).PlaceCallsAsync(new SippCallOptions(MainLine) { CallerNumber = Caller }, cancellationToken);
        Assert.True(result.AllSucceeded, $"sipp: {result}\n--- agent {Agent}'s softphone ---\n{phone.Tail()}");

        var events = await WaitForCallAsync(redis.Connection.GetDatabase(), stream);
        Assert.Contains(events, e => e.Type == "StasisStart" && e.Data.Contains($"\"inbound\",\"{Caller}\",\"{MainLine}\"", StringComparison.Ordinal));
        // The agent's leg: a channel of the registered endpoint, answered.
        Assert.Contains(events, e => e.Type == "ChannelStateChange" && e.Data.Contains($"PJSIP/{Agent}-", StringComparison.Ordinal) && e.Data.Contains("\"state\":\"Up\"", StringComparison.Ordinal));
    }

    /// <summary>The events of the caller's call once its last channel is destroyed.</summary>
    private static async Task<IReadOnlyList<AriStreamEntry>> WaitForCallAsync(IDatabase database, string stream)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var entries = (await database.StreamRangeAsync(stream, "-", "+"))
                .Select(item => AriStreamEntry.TryParse(item.Values.Select(v => new KeyValuePair<string, string>(v.Name!, v.Value!)), out var entry, out _) ? entry : null)
                .OfType<AriStreamEntry>()
                .ToList();
            var callKey = entries.FirstOrDefault(e => e.Type == "StasisStart" && e.Data.Contains(Caller, StringComparison.Ordinal))?.CallKey;
            var call = entries.Where(e => callKey is not null && e.CallKey == callKey).ToList();
            if (call.Count > 0 && call.Count(e => e.Type == "ChannelDestroyed") >= 2)
            {
                return call;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the call from {Caller} did not end in stream {stream} within 60 s; it holds {entries.Count} entries");
            await Task.Delay(250);
        }
    }
}
