using CallCenter.Ingestion.Streaming;
using CallCenter.Testing;
using StackExchange.Redis;

namespace CallCenter.Ingestion.Tests;

/// <summary>What a real Asterisk cannot be made to send: malformed frames, and bursts while Redis is down.</summary>
[Collection(RedisCollection.Name)]
public sealed class OddFramesTests(RedisFixture redis)
{
    [Fact]
    public async Task Malformed_frames_go_to_the_dead_letter_stream_and_ingestion_goes_on()
    {
        await using var asterisk = await FakeAriServer.StartAsync();
        var stream = $"test:{Guid.NewGuid():N}";
        await using var host = IngestionHost.Create(redis.ConnectionString, asterisk.BaseUrl, "u", "p", stream);
        await asterisk.Connected.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        asterisk.Send("this is not json {");
        asterisk.Send("""{"no_type_here":true}""");
        asterisk.Send(FakeAriServer.ChannelEvent("ChannelCreated", "ch-1", 1));

        var database = redis.Connection.GetDatabase();
        var entries = await StreamReader.WaitForAsync(database, stream, e => e.Any(x => x.Type == "ChannelCreated"), TimeSpan.FromSeconds(20));
        var created = entries.Single(e => e.Type == "ChannelCreated");
        Assert.Equal("ch-1", created.CallKey);
        Assert.Equal("ch-1", created.ChannelId);
        Assert.Equal("00:11:22:33:44:55", created.AsteriskId);

        var dead = await database.StreamRangeAsync(stream + ":ingestion-dead", "-", "+");
        Assert.Equal(2, dead.Length);
        Assert.Equal("this is not json {", (string?)dead[0]["raw"]);
        Assert.False(string.IsNullOrWhiteSpace(dead[0]["reason"]));
        Assert.Equal("""{"no_type_here":true}""", (string?)dead[1]["raw"]);
    }

    [Fact]
    public async Task When_the_PBX_cannot_make_a_bridge_both_parties_of_an_answered_call_go_back_to_the_dialplan()
    {
        await using var asterisk = await FakeAriServer.StartAsync();
        // Only the first attempt fails: the agent must follow the caller, not get a bridge of its own.
        asterisk.BridgeFailures = 1;
        await using var host = IngestionHost.Create(redis.ConnectionString, asterisk.BaseUrl, "u", "p", $"test:{Guid.NewGuid():N}");
        await asterisk.Connected.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        // [callcenter-answered] hands over the caller, then the agent who answered; creating their bridge fails once.
        asterisk.Send(FakeAriServer.StasisStart("caller-1", 1, "bridge", "caller", "PJSIP/1001-00000001"));
        asterisk.Send(FakeAriServer.StasisStart("agent-1", 2, "bridge", "answerer", "PJSIP/1001-00000001"));

        // Both continue in the dialplan, where the caller's Bridge() connects them: the call is not stranded.
        await WaitUntilAsync(() => asterisk.Continued.Count >= 2, TimeSpan.FromSeconds(20));
        Assert.Equal(["caller-1", "agent-1"], asterisk.Continued);
    }

    [Fact]
    public async Task A_full_buffer_while_Redis_is_down_drops_and_counts_without_reordering()
    {
        await using var asterisk = await FakeAriServer.StartAsync();
        var stream = $"test:{Guid.NewGuid():N}";
        await using var host = IngestionHost.Create(
            redis.ConnectionString, asterisk.BaseUrl, "u", "p", stream,
            ("Ingestion:BufferCapacity", "20"), ("Ingestion:WriteBatchSize", "5"));
        await asterisk.Connected.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        var database = redis.Connection.GetDatabase();
        await StreamReader.WaitForAsync(database, stream, e => e.Any(x => x.Type == "Snapshot"), TimeSpan.FromSeconds(20));

        await redis.Server.StopAsync();
        const int sent = 200;
        try
        {
            for (var i = 1; i <= sent; i++)
            {
                asterisk.Send(FakeAriServer.ChannelEvent("ChannelVarset", $"ch-{i}", i));
            }

            var state = host.Get<StreamWriterState>();
            await WaitUntilAsync(() => state.Dropped > 0 && state.LastError is not null, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await redis.Server.StartAsync(TestContext.Current.CancellationToken);
        }

        var writer = host.Get<StreamWriterState>();
        var varsets = new List<Contracts.AriStreamEntry>();
        await StreamReader.WaitForAsync(database, stream, entries =>
        {
            varsets = [.. entries.Where(e => e.Type == "ChannelVarset")];
            return varsets.Count + writer.Dropped == sent;
        }, TimeSpan.FromSeconds(30));

        Assert.True(writer.Dropped > 0, "the buffer should have overflowed");
        Assert.True(varsets.Count >= 20, $"at least a buffer's worth should have been kept, got {varsets.Count}");
        // Whatever was kept is in the order Asterisk sent it: drops leave gaps, never reorderings.
        var sequence = varsets.Select(e => int.Parse(e.ChannelId!["ch-".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequence.Order(), sequence);
        Assert.Equal(sequence.Count, sequence.Distinct().Count());
        Assert.Equal(1, sequence[0]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(100);
        }
    }
}
