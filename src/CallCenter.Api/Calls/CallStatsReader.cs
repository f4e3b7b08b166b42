using CallCenter.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Api.Calls;

/// <summary>Call statistics computed in PostgreSQL (one grouped scan of the started_at range).</summary>
public sealed class CallStatsReader(IDbContextFactory<CallCenterDbContext> dbFactory)
{
    /// <summary>Statistics over every call but test calls unless asked (the schema restricts the field to supervisors).</summary>
    public async Task<IReadOnlyList<CallStatsBucket>> GetAsync(
        DateTimeOffset from,
        DateTimeOffset until,
        CallStatsGrouping groupBy,
        double serviceLevelSeconds,
        TimeZoneInfo timeZone,
        CancellationToken cancellationToken,
        bool includeTests = false)
    {
        // The grouping expression is chosen from a closed set, never taken from input; values are parameters.
        var (keySql, periodSql) = groupBy switch
        {
            CallStatsGrouping.Hour => ("NULL::text", "date_trunc('hour', started_at AT TIME ZONE @tz)"),
            CallStatsGrouping.Day => ("NULL::text", "date_trunc('day', started_at AT TIME ZONE @tz)"),
            CallStatsGrouping.Agent => ("coalesce(agent_extension, '')", "NULL::timestamp"),
            _ => ("direction", "NULL::timestamp"),
        };

        var sql = $"""
            SELECT {keySql} AS "Key",
                   {periodSql} AS "Period",
                   count(*)::int AS "Total",
                   count(*) FILTER (WHERE status IN ('answered', 'completed'))::int AS "Answered",
                   count(*) FILTER (WHERE status = 'missed')::int AS "Missed",
                   count(*) FILTER (WHERE status = 'busy')::int AS "Busy",
                   count(*) FILTER (WHERE status = 'failed')::int AS "Failed",
                   avg(ring_seconds) FILTER (WHERE status IN ('answered', 'completed')) AS "AvgWait",
                   avg(talk_seconds) FILTER (WHERE status IN ('answered', 'completed')) AS "AvgTalk",
                   count(*) FILTER (WHERE status IN ('answered', 'completed') AND ring_seconds <= @sl)::int AS "WithinSl"
            FROM calls
            WHERE started_at >= @from AND started_at < @until AND (@tests OR NOT is_test)
            GROUP BY 1, 2
            ORDER BY 2, 1
            """;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var parameters = new List<NpgsqlParameter>
        {
            new("tz", timeZone.Id),
            new("sl", serviceLevelSeconds),
            new("from", from.ToUniversalTime()),
            new("until", until.ToUniversalTime()),
            // The diagnostics probe's calls are kept in the log but are not real traffic.
            new("tests", includeTests),
        };
        var rows = await db.Database.SqlQueryRaw<CallStatsRow>(sql, [.. parameters]).ToListAsync(cancellationToken);

        return [.. rows.Select(row =>
        {
            // Hours and days are wall-clock periods in the requested time zone.
            DateTimeOffset? period = row.Period is { } local
                ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), timeZone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)))
                : null;
            var offered = row.Answered + row.Missed;
            var key = groupBy switch
            {
                CallStatsGrouping.Hour => period!.Value.ToString("yyyy-MM-dd'T'HH':00'", System.Globalization.CultureInfo.InvariantCulture),
                CallStatsGrouping.Day => period!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                _ => row.Key ?? string.Empty,
            };
            return new CallStatsBucket(
                key,
                groupBy is CallStatsGrouping.Hour or CallStatsGrouping.Day ? period : null,
                row.Total,
                row.Answered,
                row.Missed,
                row.Busy,
                row.Failed,
                row.AvgWait,
                row.AvgTalk,
                row.WithinSl,
                offered == 0 ? null : (double)row.WithinSl / offered);
        })];
    }
}
