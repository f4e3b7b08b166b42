using CallCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Api.Calls;

/// <summary>
/// Per-operation batch loading of a page's events, legs and recordings: the first resolver that asks for one call's
/// list loads it for every call of the page in one query, instead of one query per call (N+1).
/// Calls that are not part of a registered page (single call, subscription events) load on their own, uncached.
/// </summary>
public sealed class CallRelationsLoader(IDbContextFactory<CallCenterDbContext> dbFactory)
{
    private readonly Lock _gate = new();
    private HashSet<Guid> _page = [];
    private Task<ILookup<Guid, CallEvent>>? _events;
    private Task<ILookup<Guid, CallLeg>>? _legs;
    private Task<ILookup<Guid, Recording>>? _recordings;

    /// <summary>Called when a page is produced; its calls become one batch.</summary>
    public void RegisterPage(IEnumerable<Guid> callIds)
    {
        lock (_gate)
        {
            _page = [.. callIds];
            _events = null;
            _legs = null;
            _recordings = null;
        }
    }

    public Task<IReadOnlyList<CallEvent>> GetEventsAsync(Guid callId, CancellationToken cancellationToken) =>
        GetAsync(callId, ref _events, (db, ids) => db.CallEvents.AsNoTracking().Where(e => ids.Contains(e.CallId))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id), e => e.CallId, cancellationToken);

    public Task<IReadOnlyList<CallLeg>> GetLegsAsync(Guid callId, CancellationToken cancellationToken) =>
        GetAsync(callId, ref _legs, (db, ids) => db.CallLegs.AsNoTracking().Where(l => ids.Contains(l.CallId))
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.ChannelId), l => l.CallId, cancellationToken);

    public Task<IReadOnlyList<Recording>> GetRecordingsAsync(Guid callId, CancellationToken cancellationToken) =>
        GetAsync(callId, ref _recordings, (db, ids) => db.Recordings.AsNoTracking().Where(r => ids.Contains(r.CallId))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id), r => r.CallId, cancellationToken);

    private Task<IReadOnlyList<T>> GetAsync<T>(
        Guid callId,
        ref Task<ILookup<Guid, T>>? batch,
        Func<CallCenterDbContext, Guid[], IQueryable<T>> query,
        Func<T, Guid> key,
        CancellationToken cancellationToken)
    {
        Task<ILookup<Guid, T>> load;
        lock (_gate)
        {
            if (_page.Contains(callId))
            {
                batch ??= LoadAsync([.. _page], query, key, cancellationToken);
                load = batch;
            }
            else
            {
                load = LoadAsync([callId], query, key, cancellationToken);
            }
        }

        return Select(load, callId);

        static async Task<IReadOnlyList<T>> Select(Task<ILookup<Guid, T>> load, Guid callId) => [.. (await load)[callId]];
    }

    private async Task<ILookup<Guid, T>> LoadAsync<T>(
        Guid[] ids, Func<CallCenterDbContext, Guid[], IQueryable<T>> query, Func<T, Guid> key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await query(db, ids).ToListAsync(cancellationToken);
        return rows.ToLookup(key);
    }
}
