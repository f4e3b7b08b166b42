using CallCenter.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static CallCenter.Persistence.Consumption.UnnestParameters;

namespace CallCenter.Persistence.Consumption;

/// <summary>
/// Writes a batch's calls and all their legs, set-based: the new calls in one insert, then the changed ones in one
/// UPDATE and the legs in one upsert (one round trip each).
/// </summary>
internal static class CallRowWriter
{
    private static readonly string InsertCallsSql =
        $"""
        INSERT INTO calls ({string.Join(", ", CallColumns.Calls)})
        SELECT * FROM unnest({CallColumns.Positions(CallColumns.Calls.Length)})
        ON CONFLICT (asterisk_id, call_key) DO NOTHING
        RETURNING id
        """;

    private static readonly string UpdateCallsSql =
        $"""
        UPDATE calls AS c SET {CallColumns.Assignments("t", CallColumns.UpdatedCalls)}
        FROM unnest({CallColumns.Positions(CallColumns.Calls.Length)}) AS t({string.Join(", ", CallColumns.Calls)})
        WHERE c.id = t.id AND c.version = t.version - 1
        """;

    private static readonly string UpsertLegsSql =
        $"""
        INSERT INTO call_legs ({string.Join(", ", CallColumns.Legs)})
        SELECT * FROM unnest({CallColumns.Positions(CallColumns.Legs.Length)})
        ON CONFLICT (id) DO UPDATE SET {CallColumns.Assignments("excluded", CallColumns.UpdatedLegs)}
        """;

    /// <summary>
    /// Inserts <paramref name="created"/> (calls the batch saw first, sorted like the locks so concurrent inserts of
    /// the same calls cannot deadlock), updates <paramref name="updated"/> (locked rows, changed), and upserts the
    /// legs of both. A new call someone else inserted first (another replica, its transaction still open when this
    /// batch looked) fails the batch with <see cref="CallCreatedConcurrentlyException"/>, to be retried: it then finds
    /// the row, locks it and applies its events on top. The version check is belt and braces: the rows are locked, so
    /// a mismatch means a bug or a foreign writer, and the batch is retried rather than overwriting someone else's change.
    /// </summary>
    public static async Task SaveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<Call> created, IReadOnlyCollection<Call> updated, CancellationToken cancellationToken)
    {
        if (created.Count > 0)
        {
            Call[] ordered = [.. created.OrderBy(c => c.AsteriskId, StringComparer.Ordinal).ThenBy(c => c.CallKey, StringComparer.Ordinal)];
            await using var insert = new NpgsqlCommand(InsertCallsSql, connection, transaction);
            insert.Parameters.AddRange(CallParameters(ordered));
            var inserted = 0;
            await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    inserted++;
                }
            }

            if (inserted != ordered.Length)
            {
                throw new CallCreatedConcurrentlyException(ordered.Length - inserted);
            }
        }

        var legs = created.Concat(updated).SelectMany(c => c.Legs).ToList();
        if (updated.Count == 0 && legs.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        NpgsqlBatchCommand? update = null;
        if (updated.Count > 0)
        {
            update = new NpgsqlBatchCommand(UpdateCallsSql);
            update.Parameters.AddRange(CallParameters(updated));
            batch.BatchCommands.Add(update);
        }

        if (legs.Count > 0)
        {
            var upsert = new NpgsqlBatchCommand(UpsertLegsSql);
            upsert.Parameters.AddRange(LegParameters(legs));
            batch.BatchCommands.Add(upsert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (update is not null && update.RecordsAffected != updated.Count)
        {
            throw new DbUpdateConcurrencyException(
                $"{updated.Count - update.RecordsAffected} of {updated.Count} locked calls changed under the batch; retrying it.");
        }
    }

    /// <summary>One array per column of <c>calls</c>, in <see cref="CallColumns.Calls"/>' order.</summary>
    private static NpgsqlParameter[] CallParameters(IReadOnlyCollection<Call> calls) =>
    [
        Array(calls, c => c.Id),
        Array(calls, c => c.AsteriskId),
        Array(calls, c => c.CallKey),
        Array(calls, c => Lower(c.Direction)),
        Array(calls, c => Lower(c.Status)),
        Array(calls, c => c.CallerNumber),
        Array(calls, c => c.CallerName),
        Array(calls, c => c.DialedNumber),
        Array(calls, c => c.AgentExtension),
        Array(calls, c => c.AgentId),
        Array(calls, c => c.ContactId),
        Timestamps(calls, c => c.StartedAt),
        Timestamps(calls, c => c.AnsweredAt),
        Timestamps(calls, c => c.EndedAt),
        Array(calls, c => c.RingSeconds),
        Array(calls, c => c.TalkSeconds),
        Array(calls, c => c.DurationSeconds),
        Array(calls, c => c.HangupCause),
        Array(calls, c => c.HangupCauseText),
        Array(calls, c => c.HangupBy is { } side ? Lower(side) : null),
        Array(calls, c => c.TransferCount),
        Array(calls, c => c.HoldCount),
        Array(calls, c => c.HoldSeconds),
        Array(calls, c => c.RecordingName),
        Array(calls, c => c.Reconciled),
        Array(calls, c => c.LastStreamId),
        Timestamps(calls, c => c.LastEventAt),
        Array(calls, c => c.Version),
        Timestamps(calls, c => c.UpdatedAt),
    ];

    /// <summary>One array per column of <c>call_legs</c>, in <see cref="CallColumns.Legs"/>' order.</summary>
    private static NpgsqlParameter[] LegParameters(List<CallLeg> legs) =>
    [
        Array(legs, x => x.Id),
        Array(legs, x => x.CallId),
        Array(legs, x => x.ChannelId),
        Array(legs, x => x.ChannelName),
        Array(legs, x => x.Endpoint),
        Array(legs, x => x.CallerNumber),
        Array(legs, x => x.CallerName),
        Array(legs, x => x.DialedExtension),
        Array(legs, x => x.Context),
        Array(legs, x => x.StasisDirection),
        Array(legs, x => x.State),
        Timestamps(legs, x => x.StateAt),
        Timestamps(legs, x => x.CreatedAt),
        Timestamps(legs, x => x.AnsweredAt),
        Timestamps(legs, x => x.HangupRequestedAt),
        Timestamps(legs, x => x.EndedAt),
        Array(legs, x => x.EndReconciled),
        Array(legs, x => x.HangupCause),
        Array(legs, x => x.HangupCauseText),
        Array(legs, x => x.DialStatus),
        Timestamps(legs, x => x.FirstBridgedAt),
        Array(legs, x => x.HoldCount),
        Array(legs, x => x.HoldSeconds),
        Timestamps(legs, x => x.HoldStartedAt),
        Timestamps(legs, x => x.LastEventAt),
    ];
}

