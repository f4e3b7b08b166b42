using System.Collections.Concurrent;
using System.Security.Claims;
using CallCenter.Api.Live;
using CallCenter.Api.Options;
using CallCenter.Api.Security;
using CallCenter.Ari;
using CallCenter.Ari.Rest;
using CallCenter.Contracts.Diagnostics;
using CallCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CallCenter.Api.Diagnostics;

/// <summary>
/// Runs the synthetic test call: places it (<see cref="ProbeOriginator"/>), then waits for each hop in turn — the
/// StasisStart and its stream entry, the worker's commit, the API's notice, the recorded end — and at the first hop
/// that does not come within Diagnostics:Probe:HopTimeout says what it saw and what that hop needs. The call is hung
/// up whatever happens.
/// </summary>
public sealed class CallPathProbeRunner(
    IServiceScopeFactory scopes,
    CallChangeHub hub,
    IConnectionMultiplexer redis,
    IDbContextFactory<CallCenterDbContext> dbFactory,
    ServiceStatusReader statuses,
    ProbeStore store,
    IOptions<DiagnosticsOptions> options,
    IOptions<AriOptions> ari,
    IOptions<LiveUpdatesOptions> liveUpdates,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<CallPathProbeRunner> logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Starts a probe and returns at once; read its progress with <see cref="ProbeStore.Get"/>. Null when too many run.</summary>
    public CallPathProbe? Start(ProbeTarget target, ClaimsPrincipal user)
    {
        var probe = new CallPathProbe(ProbeCalls.ChannelIdPrefix + Guid.NewGuid().ToString("N")[..16], target, time.GetUtcNow());
        if (!store.TryAdd(probe))
        {
            return null;
        }

        DiagnosticsLog.ProbeStarted(logger, probe.Id, user.FindFirst(CallCenterClaims.Subject)?.Value, target.Context, target.Number);
        _ = Task.Run(() => RunAsync(probe, lifetime.ApplicationStopping));
        return probe;
    }

    private async Task RunAsync(CallPathProbe probe, CancellationToken stopping)
    {
        await using var scope = scopes.CreateAsyncScope();
        var originator = scope.ServiceProvider.GetRequiredService<ProbeOriginator>();
        // Subscribed before the call exists, so its first notice cannot be missed.
        using var changes = hub.Subscribe();
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var notices = new ConcurrentDictionary<Guid, NoticeSeen>();
        var reader = ReadNoticesAsync(changes, notices, reading.Token);
        try
        {
            await RunHopsAsync(probe, originator, notices, stopping);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            DiagnosticsLog.ProbeCrashed(logger, probe.Id, exception);
            var hop = probe.Hops.ToList().FindIndex(h => h.Status == ProbeHopStatus.Waiting);
            probe.Fail(Math.Max(hop, 0), $"The probe itself failed: {exception.GetType().Name}: {exception.Message}", "See the API's log and the diagnostics checks.");
        }
        finally
        {
            try
            {
                await originator.HangUpAsync(probe.Id, CancellationToken.None);
            }
            catch (Exception exception) when (exception is AriException or HttpRequestException)
            {
                DiagnosticsLog.ProbeCrashed(logger, probe.Id, exception);
            }

            await reading.CancelAsync();
            await reader;
            probe.Finish(time.GetUtcNow());
            DiagnosticsLog.ProbeFinished(logger, probe.Id, probe.StoppedAt is { } stop ? $"stopped at '{stop}'" : "every hop passed");
        }
    }

    private async Task RunHopsAsync(CallPathProbe probe, ProbeOriginator originator, ConcurrentDictionary<Guid, NoticeSeen> notices, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var target = probe.Target;
        try
        {
            var channel = await originator.OriginateAsync(probe.Id, target, cancellationToken);
            probe.Pass(0, time.GetUtcNow(), $"{ProbeDiagnosis.Route(target)} is channel {channel.Name} ({channel.State}).");
        }
        catch (Exception exception) when (exception is AriException or HttpRequestException)
        {
            probe.Fail(0, $"Asterisk did not take the call {ProbeDiagnosis.Route(target)}: {exception.Message}", ProbeDiagnosis.OriginateFix);
            return;
        }

        var watcher = new ProbeStreamWatcher(redis.GetDatabase(), settings.StreamName, probe.Id, probe.StartedAt);
        if (!await WaitAsync(async () => { await watcher.PollAsync(); return watcher.StasisStart is not null; }, cancellationToken))
        {
            await ExplainNoStasisStartAsync(probe, originator, watcher, cancellationToken);
            return;
        }

        var (receivedAt, writtenAt, entryId) = watcher.StasisStart!.Value;
        probe.Pass(1, receivedAt, $"The ingestion service received StasisStart of {ProbeOriginator.InboundChannelId(probe.Id)}.");
        probe.Pass(2, writtenAt, $"Entry {entryId} in {settings.StreamName}.");

        StoredCall? stored = null;
        if (!await WaitAsync(async () => (stored = await FindCallAsync(probe.Id, cancellationToken)) is not null, cancellationToken) || stored is not { } call)
        {
            await ExplainNoCommitAsync(probe);
            return;
        }

        probe.CallId = call.Id;
        // The commit time the worker stamped on its notice, when that came first; polling the row sees it a little later.
        var committedAt = notices.TryGetValue(call.Id, out var early) ? early.CommittedAt : time.GetUtcNow();
        probe.Pass(3, committedAt, $"Call {call.Id} is in the log ({call.Status}, version {call.Version}), marked as a test.");

        if (!await WaitAsync(() => Task.FromResult(notices.ContainsKey(call.Id)), cancellationToken))
        {
            probe.Fail(4, $"The worker committed call {call.Id}, but no change notice for it reached this API within {Age.Of(settings.Probe.HopTimeout)}.",
                ProbeDiagnosis.NoticeFix(liveUpdates.Value.Channel));
            return;
        }

        probe.Pass(4, notices[call.Id].ReceivedAt, $"A change notice of call {call.Id} arrived on '{liveUpdates.Value.Channel}' and went to the live subscribers.");

        await originator.HangUpAsync(probe.Id, cancellationToken);
        StoredCall? ended = null;
        if (!await WaitAsync(async () => (ended = await FindCallAsync(probe.Id, cancellationToken)) is { EndedAt: not null }, cancellationToken) || ended is not { } final)
        {
            probe.Fail(5, $"The probe hung up, but call {call.Id} is still open in the log after {Age.Of(settings.Probe.HopTimeout)}.", ProbeDiagnosis.EndFix);
            return;
        }

        probe.Pass(5, time.GetUtcNow(), $"Call {call.Id} ended as {final.Status}.");
    }

    private async Task ExplainNoStasisStartAsync(CallPathProbe probe, ProbeOriginator originator, ProbeStreamWatcher watcher, CancellationToken cancellationToken)
    {
        var application = ari.Value.Application;
        var stasisStatus = await originator.StasisStatusAsync(probe.Id, cancellationToken);
        var location = await originator.LocationAsync(probe.Id, cancellationToken);
        var path = watcher.DialplanSteps.Count > 0
            ? $" Its way through the dialplan: {string.Join(" → ", watcher.DialplanSteps)}."
            : location is not null ? $" It is now at {location.Context},{location.Extension},{location.Priority} {location.AppName}." : "";
        var waited = Age.Of(options.Value.Probe.HopTimeout);
        if (stasisStatus == "FAILED")
        {
            probe.Fail(1, $"The call reached Stasis() but no application took it (STASISSTATUS=FAILED), so the ingestion service never saw it.{path}",
                ProbeDiagnosis.NoApplicationFix(application));
        }
        else if (stasisStatus == "SUCCESS" || location?.AppName == "Stasis")
        {
            probe.Pass(1, time.GetUtcNow(), "Asterisk handed the call to the application (ingestion's receive time unknown: nothing reached the stream).");
            probe.Fail(2, $"No entry of the call reached stream {options.Value.StreamName} within {waited}: {await IngestionWriteStateAsync()}",
                ProbeDiagnosis.StreamFix(options.Value.StreamName));
        }
        else if (stasisStatus is not null || watcher.EventTypes.Count > 0)
        {
            probe.Fail(1, $"The call never reached the application: the inbound context '{probe.Target.Context}' has no Stasis({application},...) on the way of {probe.Target.Number}.{path}",
                ProbeDiagnosis.NoStasisFix(probe.Target, application));
        }
        else
        {
            probe.Fail(1, $"Nothing of the call reached the stream within {waited}, and Asterisk no longer has it.{path} {await IngestionWriteStateAsync()}",
                ProbeDiagnosis.OriginateFix);
        }
    }

    private async Task ExplainNoCommitAsync(CallPathProbe probe)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var workers = (await statuses.WorkersAsync()).Where(w => now - w.UpdatedAt <= settings.StatusStaleAfter).ToList();
        if (workers.Count == 0)
        {
            probe.Fail(3, "The call is in the stream, but no persistence worker is running to store it.", ProbeDiagnosis.NoWorkerFix);
        }
        else if (workers.Select(w => w.CommitFailure).FirstOrDefault(f => f is not null) is { } failure)
        {
            probe.Fail(3, $"The call is in the stream, but the worker's commits fail: {failure}", ProbeDiagnosis.SlowWorkerFix(settings.StreamName));
        }
        else
        {
            probe.Fail(3, $"The call is in the stream, but the worker has not stored it within {Age.Of(settings.Probe.HopTimeout)}.", ProbeDiagnosis.SlowWorkerFix(settings.StreamName));
        }
    }

    private async Task<string> IngestionWriteStateAsync()
    {
        try
        {
            var now = time.GetUtcNow();
            var fresh = (await statuses.IngestionAsync()).Where(s => now - s.UpdatedAt <= options.Value.StatusStaleAfter).ToList();
            return fresh.Count == 0 ? "no ingestion service is reporting."
                : fresh.Select(s => s.LastWriteError).FirstOrDefault(e => e is not null) is { } error ? $"the ingestion service cannot write to Redis ({error})."
                : $"the ingestion service is {fresh[0].ConnectionState.ToLowerInvariant()} and writes, but not this call.";
        }
        catch (RedisException exception)
        {
            return $"Redis cannot be reached ({exception.Message}).";
        }
    }

    private async Task<StoredCall?> FindCallAsync(string probeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Calls.AsNoTracking().Where(c => c.CallKey.StartsWith(probeId))
            .Select(c => new StoredCall(c.Id, c.Status, c.Version, c.EndedAt)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A call's first change notice: when the worker committed it and when this API handed it on.</summary>
    private sealed record NoticeSeen(DateTimeOffset CommittedAt, DateTimeOffset ReceivedAt);

    /// <summary>What the probe reads of its call's row.</summary>
    private sealed record StoredCall(Guid Id, CallStatus Status, long Version, DateTimeOffset? EndedAt);

    /// <summary>Polls <paramref name="condition"/> until it holds (true) or the hop's time is up (false); Redis or database errors count as "not yet".</summary>
    private async Task<bool> WaitAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.Probe.HopTimeout;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is RedisException or DbUpdateException or Npgsql.NpgsqlException or TimeoutException)
            {
                // A server that is down is what the later explanation reports; keep waiting for it until the deadline.
            }

            if (time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private async Task ReadNoticesAsync(CallChangeSubscription changes, ConcurrentDictionary<Guid, NoticeSeen> notices, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in changes.Reader.ReadAllAsync(cancellationToken))
            {
                notices.TryAdd(change.Notice.CallId, new NoticeSeen(change.Notice.CommittedAt, time.GetUtcNow()));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SubscriberFellBehindError)
        {
            // Cancelled at the end of the probe, or the hub ended a busy subscription: the notice hop then times out and says so.
        }
    }
}
