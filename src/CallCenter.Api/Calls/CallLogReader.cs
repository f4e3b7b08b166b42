using System.Security.Claims;
using CallCenter.Data;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Api.Calls;

/// <summary>Read side of the call log: filtered keyset pages, single calls and the live set.</summary>
public sealed class CallLogReader(IDbContextFactory<CallCenterDbContext> dbFactory)
{
    public static readonly CallStatus[] LiveStatuses = [CallStatus.Ringing, CallStatus.Answered];

    public async Task<CallPage> GetPageAsync(
        ClaimsPrincipal user, CallFilter? filter, CallOrder order, CallPageRequest page, CancellationToken cancellationToken)
    {
        var field = order.Field;
        // Walking backward reads the reverse order and flips the page afterwards.
        var ascending = (order.Direction == SortDirection.Asc) != page.Backward;
        var cursor = page.Backward ? page.Before : page.After;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Apply(db.Calls.AsNoTracking().VisibleTo(user), filter);
        var query = filtered;
        if (cursor is not null)
        {
            query = After(query, field, cursor, ascending);
        }

        query = Sort(query, field, ascending);
        var rows = await query
            .Include(c => c.Agent)
            .Include(c => c.Contact)
            .Take(page.Size + 1)
            .ToListAsync(cancellationToken);

        var hasMore = rows.Count > page.Size;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (page.Backward)
        {
            rows.Reverse();
        }

        return new CallPage(
            rows,
            field,
            HasPreviousPage: page.Backward ? hasMore : cursor is not null,
            HasNextPage: page.Backward ? cursor is not null : hasMore,
            CountTotalAsync: async token =>
            {
                await using var countDb = await dbFactory.CreateDbContextAsync(token);
                return await Apply(countDb.Calls.AsNoTracking().VisibleTo(user), filter).CountAsync(token);
            });
    }

    public async Task<Call?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Calls.AsNoTracking().VisibleTo(user)
            .Include(c => c.Agent)
            .Include(c => c.Contact)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<Call>> GetLiveAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Calls.AsNoTracking().VisibleTo(user)
            .Where(c => c.EndedAt == null && LiveStatuses.Contains(c.Status))
            .Include(c => c.Agent)
            .Include(c => c.Contact)
            .OrderBy(c => c.StartedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CallLeg>> GetLegsAsync(Guid callId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CallLegs.AsNoTracking().Where(l => l.CallId == callId)
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.ChannelId).ToListAsync(cancellationToken);
    }

    public static bool IsLive(Call call) => call.EndedAt is null && LiveStatuses.Contains(call.Status);

    /// <summary>Whether a loaded call satisfies a filter (used by subscriptions, which see one call at a time).</summary>
    public static bool Matches(Call call, CallFilter? filter)
    {
        if (filter is null)
        {
            return true;
        }

        var digits = PhoneNumbers.Normalize(filter.Number);
        return (filter.From is not { } from || call.StartedAt >= from)
            && (filter.Until is not { } until || call.StartedAt < until)
            && (filter.Direction is not { Count: > 0 } directions || directions.Contains(call.Direction))
            && (filter.Status is not { Count: > 0 } statuses || statuses.Contains(call.Status))
            && (digits is null
                || (call.CallerNumber?.Contains(digits, StringComparison.Ordinal) ?? false)
                || (call.DialedNumber?.Contains(digits, StringComparison.Ordinal) ?? false))
            && (filter.AgentId is not { } agentId || call.AgentId == agentId)
            && (string.IsNullOrEmpty(filter.Extension) || call.AgentExtension == filter.Extension)
            && (filter.HasRecording is not { } hasRecording || (call.RecordingName is not null) == hasRecording)
            && (filter.MinDurationSeconds is not { } minDuration || call.DurationSeconds >= minDuration)
            && (filter.ContactId is not { } contactId || call.ContactId == contactId)
            && (string.IsNullOrEmpty(filter.Company)
                || (call.Contact?.Company?.Contains(filter.Company, StringComparison.OrdinalIgnoreCase) ?? false));
    }

    private static IQueryable<Call> Apply(IQueryable<Call> calls, CallFilter? filter)
    {
        if (filter is null)
        {
            return calls;
        }

        if (filter.From is { } from)
        {
            calls = calls.Where(c => c.StartedAt >= from);
        }

        if (filter.Until is { } until)
        {
            calls = calls.Where(c => c.StartedAt < until);
        }

        if (filter.Direction is { Count: > 0 } directions)
        {
            var values = directions.ToArray();
            calls = calls.Where(c => values.Contains(c.Direction));
        }

        if (filter.Status is { Count: > 0 } statuses)
        {
            var values = statuses.ToArray();
            calls = calls.Where(c => values.Contains(c.Status));
        }

        if (PhoneNumbers.Normalize(filter.Number) is { } digits)
        {
            // Numbers are stored as digits; the trigram indexes serve the infix match.
            var pattern = "%" + digits + "%";
            calls = calls.Where(c => EF.Functions.Like(c.CallerNumber!, pattern) || EF.Functions.Like(c.DialedNumber!, pattern));
        }

        if (filter.AgentId is { } agentId)
        {
            calls = calls.Where(c => c.AgentId == agentId);
        }

        if (!string.IsNullOrEmpty(filter.Extension))
        {
            var extension = filter.Extension;
            calls = calls.Where(c => c.AgentExtension == extension);
        }

        if (filter.HasRecording is { } hasRecording)
        {
            calls = hasRecording ? calls.Where(c => c.RecordingName != null) : calls.Where(c => c.RecordingName == null);
        }

        if (filter.MinDurationSeconds is { } minDuration)
        {
            calls = calls.Where(c => c.DurationSeconds >= minDuration);
        }

        if (filter.ContactId is { } contactId)
        {
            calls = calls.Where(c => c.ContactId == contactId);
        }

        if (!string.IsNullOrEmpty(filter.Company))
        {
            var pattern = "%" + EscapeLike(filter.Company) + "%";
            calls = calls.Where(c => c.Contact != null && EF.Functions.ILike(c.Contact.Company!, pattern));
        }

        return calls;
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static IQueryable<Call> After(IQueryable<Call> calls, CallOrderField field, CallCursor cursor, bool ascending)
    {
        var id = cursor.Id;
        if (field == CallOrderField.Duration)
        {
            var key = cursor.Key;
            // Row-value comparison over the same expression the ORDER BY uses keeps the walk gap- and duplicate-free.
            return ascending
                ? calls.Where(c => EF.Functions.GreaterThan(
                    ValueTuple.Create(c.DurationSeconds == null ? -1L : (long)Math.Round(c.DurationSeconds.Value * 1000), c.Id), ValueTuple.Create(key, id)))
                : calls.Where(c => EF.Functions.LessThan(
                    ValueTuple.Create(c.DurationSeconds == null ? -1L : (long)Math.Round(c.DurationSeconds.Value * 1000), c.Id), ValueTuple.Create(key, id)));
        }

        var startedAt = new DateTimeOffset(cursor.Key, TimeSpan.Zero);
        return ascending
            ? calls.Where(c => EF.Functions.GreaterThan(ValueTuple.Create(c.StartedAt, c.Id), ValueTuple.Create(startedAt, id)))
            : calls.Where(c => EF.Functions.LessThan(ValueTuple.Create(c.StartedAt, c.Id), ValueTuple.Create(startedAt, id)));
    }

    private static IQueryable<Call> Sort(IQueryable<Call> calls, CallOrderField field, bool ascending) => (field, ascending) switch
    {
        (CallOrderField.Duration, true) => calls
            .OrderBy(c => c.DurationSeconds == null ? -1L : (long)Math.Round(c.DurationSeconds.Value * 1000)).ThenBy(c => c.Id),
        (CallOrderField.Duration, false) => calls
            .OrderByDescending(c => c.DurationSeconds == null ? -1L : (long)Math.Round(c.DurationSeconds.Value * 1000)).ThenByDescending(c => c.Id),
        (_, true) => calls.OrderBy(c => c.StartedAt).ThenBy(c => c.Id),
        _ => calls.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id),
    };
}
