using CallCenter.Contracts;
using CallCenter.Ingestion.Streaming;
using CallCenter.Testing;
using StackExchange.Redis;

namespace CallCenter.Ingestion.Tests;

/// <summary>The write path's exactly-once guarantee, against a real Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class AppendScriptTests(RedisFixture redis)
{
    [Fact]
    public async Task A_batch_written_again_after_a_lost_reply_is_not_appended_twice()
    {
        var database = redis.Connection.GetDatabase();
        var stream = $"test:{Guid.NewGuid():N}";
        var first = Batch(stream, "run:1", "run:2", "run:3");
        var second = Batch(stream, "run:4", "run:5");

        Assert.Equal(3, await AppendAsync(database, stream, first));
        // The retry of a batch whose reply was lost: Redis has it already.
        Assert.Equal(-1, await AppendAsync(database, stream, first));
        Assert.Equal(2, await AppendAsync(database, stream, second));

        var ids = (await database.StreamRangeAsync(stream, "-", "+")).Select(e => (string?)e[AriStreamFields.EventId]);
        Assert.Equal(["run:1", "run:2", "run:3", "run:4", "run:5"], ids);
    }

    [Fact]
    public async Task Entries_keep_their_fields_in_order_and_the_stream_is_trimmed_approximately()
    {
        var database = redis.Connection.GetDatabase();
        var stream = $"test:{Guid.NewGuid():N}";
        for (var batch = 0; batch < 30; batch++)
        {
            var ids = Enumerable.Range(batch * 100, 100).Select(i => $"trim:{i}").ToArray();
            await AppendAsync(database, stream, Batch(stream, ids), maxLength: 1000);
        }

        var length = await database.StreamLengthAsync(stream);
        Assert.InRange(length, 1000, 1500);
        var last = (await database.StreamRangeAsync(stream, "-", "+", 1, Order.Descending))[0];
        Assert.Equal(["id", "t", "d"], last.Values.Select(v => (string)v.Name!));
        Assert.Equal("trim:2999", (string?)last["id"]);
    }

    private static List<BufferedWrite> Batch(string stream, params string[] eventIds) =>
        [.. eventIds.Select(id => new BufferedWrite(stream, id, ["id", id, "t", "ChannelVarset", "d", "{}"], Trim: true))];

    private static async Task<long> AppendAsync(IDatabase database, string stream, List<BufferedWrite> batch, int maxLength = 0) =>
        (long)await database.ScriptEvaluateAsync(AppendScript.Text, [stream], AppendScript.Arguments(batch, maxLength));
}
