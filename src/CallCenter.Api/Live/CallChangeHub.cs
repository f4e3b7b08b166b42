using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using CallCenter.Api.Options;
using CallCenter.Api.Telemetry;
using CallCenter.Contracts;
using CallCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CallCenter.Api.Live;

/// <summary>
/// Receives the persistence worker's commit notices from Redis pub/sub, loads each changed call once and fans
/// the result out to every in-process subscriber in notice order.
/// </summary>
public sealed class CallChangeHub(
    IConnectionMultiplexer redis,
    IDbContextFactory<CallCenterDbContext> dbFactory,
    IOptions<LiveUpdatesOptions> options,
    ApiTelemetry telemetry,
    ILogger<CallChangeHub> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<long, CallChangeSubscription> _subscribers = new();
    private long _nextId;

    public CallChangeSubscription Subscribe()
    {
        var subscription = new CallChangeSubscription(
            Interlocked.Increment(ref _nextId),
            options.Value.SubscriberBufferCapacity,
            s => _subscribers.TryRemove(s.Id, out _),
            s => Log.SubscriberLagging(logger, s.Id));
        _subscribers[subscription.Id] = subscription;
        return subscription;
    }

    public int SubscriberCount => _subscribers.Count;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channelName = options.Value.Channel;
        var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(channelName));
        Log.ListeningForNotices(logger, channelName);
        try
        {
            // The queue hands messages over one at a time, in publication order.
            while (!stoppingToken.IsCancellationRequested)
            {
                var message = await queue.ReadAsync(stoppingToken);
                await DispatchAsync(channelName, message.Message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (ChannelClosedException)
        {
        }
        finally
        {
            await queue.UnsubscribeAsync();
            foreach (var subscriber in _subscribers.Values)
            {
                subscriber.Channel.Writer.TryComplete();
            }
        }
    }

    private async Task DispatchAsync(string channelName, RedisValue payload, CancellationToken cancellationToken)
    {
        CallChangeNotice? notice;
        try
        {
            notice = JsonSerializer.Deserialize(payload.ToString(), ContractsJsonContext.Default.CallChangeNotice);
        }
        catch (JsonException exception)
        {
            Log.MalformedNotice(logger, channelName, exception);
            return;
        }

        if (notice is null)
        {
            Log.MalformedNotice(logger, channelName, null);
            return;
        }

        telemetry.NoticesReceived.Add(1);
        telemetry.NoticeLatency.Record((DateTimeOffset.UtcNow - notice.CommittedAt).TotalMilliseconds);
        if (_subscribers.IsEmpty)
        {
            return;
        }

        Call? call = null;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            call = await db.Calls.AsNoTracking()
                .Include(c => c.Agent)
                .Include(c => c.Contact)
                .FirstOrDefaultAsync(c => c.Id == notice.CallId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The change is skipped for subscribers; the next notice of the call carries its newest state.
            Log.CallLoadFailed(logger, notice.CallId, exception);
        }

        var change = new CallChange(notice, call);
        foreach (var subscriber in _subscribers.Values)
        {
            subscriber.Channel.Writer.TryWrite(change);
        }
    }
}
