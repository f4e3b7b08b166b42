using CallCenter.Testing;
using StackExchange.Redis;

namespace CallCenter.Infrastructure.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisStreamRoundTripTests(RedisFixture redis)
{
    [Fact]
    public async Task Entries_added_to_a_stream_read_back_in_order()
    {
        var database = redis.Connection.GetDatabase();
        var stream = new RedisKey($"proof:{Guid.NewGuid():N}");

        var first = await database.StreamAddAsync(stream, [new NameValueEntry("type", "StasisStart"), new NameValueEntry("channel", "c-1")]);
        var second = await database.StreamAddAsync(stream, [new NameValueEntry("type", "StasisEnd"), new NameValueEntry("channel", "c-1")]);

        var entries = await database.StreamRangeAsync(stream, "-", "+");
        Assert.Equal([first, second], entries.Select(entry => entry.Id));
        Assert.Equal("StasisStart", (string?)entries[0]["type"]);
        Assert.Equal("StasisEnd", (string?)entries[1]["type"]);
        Assert.Equal("c-1", (string?)entries[1]["channel"]);
    }
}
