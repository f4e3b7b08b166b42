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
/// Receives the persistence worker's commit notices from Redis pub/sub and fans each committed version of a call out
/// to every in-process subscriber, once and in version order. The call is the state the notice carries (what that
/// commit wrote), with its agent and contact loaded once; a subscriber whose queue is full is ended, never skipped.
/// </summary>
public sealed class CallChangeHub(
    IConnectionMultiplexer redis,
    IDbContextFactory<CallCenterDbContext> dbFactory,
    IOptions<LiveUpdatesOptions> options,
    ApiTelemetry telemetry,
    ILogger<CallChangeHub> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<long, CallChangeSubscription> _subscribers = new();
    private readonly VersionGate _versions = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId;

    /// <summary>
    /// Completes once the hub is subscribed to the notice channel. Redis pub/sub keeps nothing for absent subscribers,
    /// so notices published before that are not seen; readiness (/health) waits for it.
    /// </summary>
    public Task Listening => _listening.Task;

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

    /// <summary>When the last notice arrived and was handed to subscribers (diagnostics).</summary>
    public DateTimeOffset? LastNoticeAt { get; private set; }

    public Guid? LastNoticeCallId { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var channelName = options.Value.Channel;
        var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(channelName));
        Log.ListeningForNotices(logger, channelName);
        _listening.TrySetResult();
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
        (LastNoticeAt, LastNoticeCallId) = (DateTimeOffset.UtcNow, notice.CallId);
        telemetry.NoticeLatency.Record((DateTimeOffset.UtcNow - notice.CommittedAt).TotalMilliseconds);
        if (_subscribers.IsEmpty)
        {
            return;
        }

        Call? call = null;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            call = notice.State is { } state
                ? CommittedCall.From(notice, state, await FindAsync<Agent>(db, state.AgentId, cancellationToken), await FindAsync<Contact>(db, state.ContactId, cancellationToken))
                // A notice without the committed state (an older worker): the row as it is now.
                : await db.Calls.AsNoTracking()
                    .Include(c => c.Agent)
                    .Include(c => c.Contact)
                    .FirstOrDefaultAsync(c => c.Id == notice.CallId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The change is skipped for subscribers; the next notice of the call carries its newest state.
            Log.CallLoadFailed(logger, notice.CallId, exception);
        }

        if (call is not null && !_versions.TryPass(call.Id, call.Version, !Calls.CallLogReader.IsLive(call)))
        {
            return;
        }

        var change = new CallChange(notice, call);
        foreach (var subscriber in _subscribers.Values)
        {
            subscriber.Offer(change);
        }
    }

    private static async Task<T?> FindAsync<T>(CallCenterDbContext db, Guid? id, CancellationToken cancellationToken)
        where T : class =>
        id is { } key ? await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == key, cancellationToken) : null;
}
