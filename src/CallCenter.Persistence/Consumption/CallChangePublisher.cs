using System.Text.Json;
using CallCenter.Contracts;
using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

/// <summary>Publishes one change notice per changed call on Redis pub/sub after the batch committed.</summary>
internal sealed partial class CallChangePublisher(IConnectionMultiplexer redis, PersistenceOptions options, ILogger logger)
{
    public async Task PublishAsync(List<CallChangeNotice> notices)
    {
        if (notices.Count == 0)
        {
            return;
        }

        var channel = RedisChannel.Literal(options.NoticeChannel);
        var subscriber = redis.GetSubscriber();
        try
        {
            await Task.WhenAll(notices.Select(notice =>
                subscriber.PublishAsync(channel, JsonSerializer.Serialize(notice, ContractsJsonContext.Default.CallChangeNotice))));
        }
        catch (RedisException ex)
        {
            // Notices are a live hint; the call log itself is committed. Subscribers reload on reconnect.
            LogPublishFailed(logger, ex, notices.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} call change notices failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count);
}
