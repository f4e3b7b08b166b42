using CallCenter.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static CallCenter.Persistence.Consumption.UnnestParameters;

namespace CallCenter.Persistence.Consumption;

/// <summary>Writes the changed calls and all their legs in one round trip: one set-based UPDATE and one upsert.</summary>
internal static class CallRowWriter
{
    private static readonly string UpdateCallsSql =
        $"""
        UPDATE calls AS c SET {CallColumns.Assignments("t", CallColumns.UpdatedCalls)}
        FROM unnest({CallColumns.Positions(1 + CallColumns.UpdatedCalls.Length)}) AS t(id, {string.Join(", ", CallColumns.UpdatedCalls)})
        WHERE c.id = t.id AND c.version = t.version - 1
        """;

    private static readonly string UpsertLegsSql =
        $"""
        INSERT INTO call_legs ({string.Join(", ", CallColumns.Legs)})
        SELECT * FROM unnest({CallColumns.Positions(CallColumns.Legs.Length)})
        ON CONFLICT (id) DO UPDATE SET {CallColumns.Assignments("excluded", CallColumns.UpdatedLegs)}
        """;

    /// <summary>
    /// Writes the changed calls and all their legs. The version check is belt and braces: the rows are
    /// locked, so a mismatch means a bug or a foreign writer, and the batch is retried rather than
    /// overwriting someone else's change.
    /// </summary>
    public static async Task SaveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyCollection<Call> calls, CancellationToken cancellationToken)
    {
        if (calls.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        var update = new NpgsqlBatchCommand(UpdateCallsSql);
        var p = update.Parameters;
        p.Add(Array(calls, c => c.Id));
        p.Add(Array(calls, c => Lower(c.Direction)));
        p.Add(Array(calls, c => Lower(c.Status)));
        p.Add(Array(calls, c => c.CallerNumber));
        p.Add(Array(calls, c => c.CallerName));
        p.Add(Array(calls, c => c.DialedNumber));
        p.Add(Array(calls, c => c.AgentExtension));
        p.Add(Array(calls, c => c.AgentId));
        p.Add(Array(calls, c => c.ContactId));
        p.Add(Timestamps(calls, c => c.StartedAt));
        p.Add(Timestamps(calls, c => c.AnsweredAt));
        p.Add(Timestamps(calls, c => c.EndedAt));
        p.Add(Array(calls, c => c.RingSeconds));
        p.Add(Array(calls, c => c.TalkSeconds));
        p.Add(Array(calls, c => c.DurationSeconds));
        p.Add(Array(calls, c => c.HangupCause));
        p.Add(Array(calls, c => c.HangupCauseText));
        p.Add(Array(calls, c => c.HangupBy is { } side ? Lower(side) : null));
        p.Add(Array(calls, c => c.TransferCount));
        p.Add(Array(calls, c => c.HoldCount));
        p.Add(Array(calls, c => c.HoldSeconds));
        p.Add(Array(calls, c => c.RecordingName));
        p.Add(Array(calls, c => c.Reconciled));
        p.Add(Array(calls, c => c.LastStreamId));
        p.Add(Timestamps(calls, c => c.LastEventAt));
        p.Add(Array(calls, c => c.Version));
        p.Add(Timestamps(calls, c => c.UpdatedAt));
        batch.BatchCommands.Add(update);

        var legs = calls.SelectMany(c => c.Legs).ToList();
        if (legs.Count > 0)
        {
            var upsert = new NpgsqlBatchCommand(UpsertLegsSql);
            var l = upsert.Parameters;
            l.Add(Array(legs, x => x.Id));
            l.Add(Array(legs, x => x.CallId));
            l.Add(Array(legs, x => x.ChannelId));
            l.Add(Array(legs, x => x.ChannelName));
            l.Add(Array(legs, x => x.Endpoint));
            l.Add(Array(legs, x => x.CallerNumber));
            l.Add(Array(legs, x => x.CallerName));
            l.Add(Array(legs, x => x.DialedExtension));
            l.Add(Array(legs, x => x.Context));
            l.Add(Array(legs, x => x.StasisDirection));
            l.Add(Array(legs, x => x.State));
            l.Add(Timestamps(legs, x => x.StateAt));
            l.Add(Timestamps(legs, x => x.CreatedAt));
            l.Add(Timestamps(legs, x => x.AnsweredAt));
            l.Add(Timestamps(legs, x => x.HangupRequestedAt));
            l.Add(Timestamps(legs, x => x.EndedAt));
            l.Add(Array(legs, x => x.EndReconciled));
            l.Add(Array(legs, x => x.HangupCause));
            l.Add(Array(legs, x => x.HangupCauseText));
            l.Add(Array(legs, x => x.DialStatus));
            l.Add(Timestamps(legs, x => x.FirstBridgedAt));
            l.Add(Array(legs, x => x.HoldCount));
            l.Add(Array(legs, x => x.HoldSeconds));
            l.Add(Timestamps(legs, x => x.HoldStartedAt));
            l.Add(Timestamps(legs, x => x.LastEventAt));
            batch.BatchCommands.Add(upsert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        if (update.RecordsAffected != calls.Count)
        {
            throw new DbUpdateConcurrencyException(
                $"{calls.Count - update.RecordsAffected} of {calls.Count} locked calls changed under the batch; retrying it.");
        }
    }
}
