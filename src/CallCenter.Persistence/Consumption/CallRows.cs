using CallCenter.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CallCenter.Persistence.Consumption;

/// <summary>
/// Reads and writes the rows a batch touches with plain Npgsql: one locking read of the calls with
/// their legs, set-based writes (unnest arrays, COPY for the timeline). EF Core's change tracking
/// cost more per event than everything else the worker does together, and the worker is the only
/// writer of these tables, so the mapping lives here next to the EF model it mirrors.
/// </summary>
internal static class CallRows
{
    private const string CallColumns =
        "c.id, c.asterisk_id, c.call_key, c.direction, c.status, c.caller_number, c.caller_name, c.dialed_number, c.agent_extension, " +
        "c.agent_id, c.contact_id, c.started_at, c.answered_at, c.ended_at, c.ring_seconds, c.talk_seconds, c.duration_seconds, " +
        "c.hangup_cause, c.hangup_cause_text, c.hangup_by, c.transfer_count, c.hold_count, c.hold_seconds, c.recording_name, " +
        "c.reconciled, c.last_stream_id, c.last_event_at, c.version, c.updated_at";

    private const string LegColumns =
        "l.id, l.call_id, l.channel_id, l.channel_name, l.endpoint, l.caller_number, l.caller_name, l.dialed_extension, l.context, " +
        "l.stasis_direction, l.state, l.state_at, l.created_at, l.answered_at, l.hangup_requested_at, l.ended_at, l.end_reconciled, " +
        "l.hangup_cause, l.hangup_cause_text, l.dial_status, l.first_bridged_at, l.hold_count, l.hold_seconds, l.hold_started_at, l.last_event_at";

    /// <summary>
    /// Creates the calls not stored yet (sorted like the lock, so concurrent inserts of the same new
    /// calls cannot deadlock); returns the ids of the rows this transaction created.
    /// </summary>
    public static async Task<HashSet<Guid>> InsertMissingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Dictionary<CallKey, DateTimeOffset> firstSeen, CancellationToken cancellationToken)
    {
        var created = new HashSet<Guid>();
        if (firstSeen.Count == 0)
        {
            return created;
        }

        var ordered = firstSeen.OrderBy(p => p.Key.AsteriskId, StringComparer.Ordinal).ThenBy(p => p.Key.Key, StringComparer.Ordinal).ToList();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO calls (id, asterisk_id, call_key, direction, status, started_at, transfer_count, hold_count, hold_seconds, reconciled, version, updated_at)
            SELECT id, asterisk_id, call_key, 'inbound', 'ringing', started_at, 0, 0, 0, false, 0, now()
            FROM unnest(@ids, @asterisks, @keys, @started) AS t(id, asterisk_id, call_key, started_at)
            ON CONFLICT (asterisk_id, call_key) DO NOTHING
            RETURNING id
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. ordered.Select(_ => Guid.CreateVersion7())]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("asterisks", [.. ordered.Select(p => p.Key.AsteriskId)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", [.. ordered.Select(p => p.Key.Key)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("started", [.. ordered.Select(p => p.Value.ToUniversalTime())]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            created.Add(reader.GetGuid(0));
        }

        return created;
    }

    /// <summary>
    /// Locks the calls (in a fixed order, so two batches cannot deadlock) and reads them with their
    /// legs in one round trip. The legs are read by a second statement of the same batch: under READ
    /// COMMITTED it takes its snapshot after the locks were granted, so it sees every committed change.
    /// </summary>
    public static async Task<Dictionary<CallKey, Call>> LockAndLoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CallKey[] keys, CancellationToken cancellationToken)
    {
        var calls = new Dictionary<CallKey, Call>(keys.Length);
        if (keys.Length == 0)
        {
            return calls;
        }

        string[] asterisks = [.. keys.Select(k => k.AsteriskId)];
        string[] callKeys = [.. keys.Select(k => k.Key)];
        await using var batch = new NpgsqlBatch(connection, transaction);
        var lockCalls = new NpgsqlBatchCommand(
            $"""
            SELECT {CallColumns} FROM calls c
            JOIN unnest($1, $2) AS k(asterisk_id, call_key) ON c.asterisk_id = k.asterisk_id AND c.call_key = k.call_key
            ORDER BY c.asterisk_id, c.call_key
            FOR UPDATE OF c
            """);
        lockCalls.Parameters.Add(new NpgsqlParameter<string[]>{ TypedValue = asterisks });
        lockCalls.Parameters.Add(new NpgsqlParameter<string[]>{ TypedValue = callKeys });
        var loadLegs = new NpgsqlBatchCommand(
            $"""
            SELECT {LegColumns} FROM call_legs l
            JOIN calls c ON c.id = l.call_id
            JOIN unnest($1, $2) AS k(asterisk_id, call_key) ON c.asterisk_id = k.asterisk_id AND c.call_key = k.call_key
            """);
        loadLegs.Parameters.Add(new NpgsqlParameter<string[]>{ TypedValue = asterisks });
        loadLegs.Parameters.Add(new NpgsqlParameter<string[]>{ TypedValue = callKeys });
        batch.BatchCommands.Add(lockCalls);
        batch.BatchCommands.Add(loadLegs);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var byId = new Dictionary<Guid, Call>(keys.Length);
        while (await reader.ReadAsync(cancellationToken))
        {
            var call = ReadCall(reader);
            calls[new CallKey(call.AsteriskId, call.CallKey)] = call;
            byId[call.Id] = call;
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var leg = ReadLeg(reader);
            if (byId.TryGetValue(leg.CallId, out var call))
            {
                call.Legs.Add(leg);
            }
        }

        return calls;
    }

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
        var update = new NpgsqlBatchCommand(
            """
            UPDATE calls AS c SET
                direction = t.direction, status = t.status, caller_number = t.caller_number, caller_name = t.caller_name,
                dialed_number = t.dialed_number, agent_extension = t.agent_extension, agent_id = t.agent_id, contact_id = t.contact_id,
                started_at = t.started_at, answered_at = t.answered_at, ended_at = t.ended_at, ring_seconds = t.ring_seconds,
                talk_seconds = t.talk_seconds, duration_seconds = t.duration_seconds, hangup_cause = t.hangup_cause,
                hangup_cause_text = t.hangup_cause_text, hangup_by = t.hangup_by, transfer_count = t.transfer_count,
                hold_count = t.hold_count, hold_seconds = t.hold_seconds, recording_name = t.recording_name, reconciled = t.reconciled,
                last_stream_id = t.last_stream_id, last_event_at = t.last_event_at, version = t.version, updated_at = t.updated_at
            FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)
                AS t(id, direction, status, caller_number, caller_name, dialed_number, agent_extension, agent_id, contact_id,
                     started_at, answered_at, ended_at, ring_seconds, talk_seconds, duration_seconds, hangup_cause, hangup_cause_text,
                     hangup_by, transfer_count, hold_count, hold_seconds, recording_name, reconciled, last_stream_id, last_event_at,
                     version, updated_at)
            WHERE c.id = t.id AND c.version = t.version - 1
            """);
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
            var upsert = new NpgsqlBatchCommand(
                """
                INSERT INTO call_legs (id, call_id, channel_id, channel_name, endpoint, caller_number, caller_name, dialed_extension, context,
                    stasis_direction, state, state_at, created_at, answered_at, hangup_requested_at, ended_at, end_reconciled,
                    hangup_cause, hangup_cause_text, dial_status, first_bridged_at, hold_count, hold_seconds, hold_started_at, last_event_at)
                SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)
                ON CONFLICT (id) DO UPDATE SET
                    channel_name = excluded.channel_name, endpoint = excluded.endpoint, caller_number = excluded.caller_number,
                    caller_name = excluded.caller_name, dialed_extension = excluded.dialed_extension, context = excluded.context,
                    stasis_direction = excluded.stasis_direction, state = excluded.state, state_at = excluded.state_at,
                    created_at = excluded.created_at, answered_at = excluded.answered_at, hangup_requested_at = excluded.hangup_requested_at,
                    ended_at = excluded.ended_at, end_reconciled = excluded.end_reconciled, hangup_cause = excluded.hangup_cause,
                    hangup_cause_text = excluded.hangup_cause_text, dial_status = excluded.dial_status, first_bridged_at = excluded.first_bridged_at,
                    hold_count = excluded.hold_count, hold_seconds = excluded.hold_seconds, hold_started_at = excluded.hold_started_at,
                    last_event_at = excluded.last_event_at
                """);
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

    /// <summary>The timeline rows, streamed with binary COPY. Duplicates were filtered under the calls' locks.</summary>
    public static async Task CopyEventsAsync(NpgsqlConnection connection, List<CallEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY call_events (call_id, event_id, stream_id, type, occurred_at, received_at, channel_id, details) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var e in events)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(e.CallId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(e.EventId, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(e.StreamId, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(e.Type, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(e.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(e.ReceivedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            if (e.ChannelId is null)
            {
                await importer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await importer.WriteAsync(e.ChannelId, NpgsqlDbType.Varchar, cancellationToken);
            }

            if (e.Details is null)
            {
                await importer.WriteNullAsync(cancellationToken);
            }
            else
            {
                await importer.WriteAsync(e.Details, NpgsqlDbType.Jsonb, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Call ReadCall(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        AsteriskId = r.GetString(1),
        CallKey = r.GetString(2),
        Direction = Enum.Parse<CallDirection>(r.GetString(3), ignoreCase: true),
        Status = Enum.Parse<CallStatus>(r.GetString(4), ignoreCase: true),
        CallerNumber = StringOrNull(r, 5),
        CallerName = StringOrNull(r, 6),
        DialedNumber = StringOrNull(r, 7),
        AgentExtension = StringOrNull(r, 8),
        AgentId = r.IsDBNull(9) ? null : r.GetGuid(9),
        ContactId = r.IsDBNull(10) ? null : r.GetGuid(10),
        StartedAt = r.GetFieldValue<DateTimeOffset>(11),
        AnsweredAt = TimestampOrNull(r, 12),
        EndedAt = TimestampOrNull(r, 13),
        RingSeconds = r.IsDBNull(14) ? null : r.GetDouble(14),
        TalkSeconds = r.IsDBNull(15) ? null : r.GetDouble(15),
        DurationSeconds = r.IsDBNull(16) ? null : r.GetDouble(16),
        HangupCause = r.IsDBNull(17) ? null : r.GetInt32(17),
        HangupCauseText = StringOrNull(r, 18),
        HangupBy = r.IsDBNull(19) ? null : Enum.Parse<HangupSide>(r.GetString(19), ignoreCase: true),
        TransferCount = r.GetInt32(20),
        HoldCount = r.GetInt32(21),
        HoldSeconds = r.GetDouble(22),
        RecordingName = StringOrNull(r, 23),
        Reconciled = r.GetBoolean(24),
        LastStreamId = StringOrNull(r, 25),
        LastEventAt = TimestampOrNull(r, 26),
        Version = r.GetInt64(27),
        UpdatedAt = r.GetFieldValue<DateTimeOffset>(28),
    };

    private static CallLeg ReadLeg(NpgsqlDataReader r) => new()
    {
        Id = r.GetGuid(0),
        CallId = r.GetGuid(1),
        ChannelId = r.GetString(2),
        ChannelName = r.GetString(3),
        Endpoint = StringOrNull(r, 4),
        CallerNumber = StringOrNull(r, 5),
        CallerName = StringOrNull(r, 6),
        DialedExtension = StringOrNull(r, 7),
        Context = StringOrNull(r, 8),
        StasisDirection = StringOrNull(r, 9),
        State = StringOrNull(r, 10),
        StateAt = TimestampOrNull(r, 11),
        CreatedAt = r.GetFieldValue<DateTimeOffset>(12),
        AnsweredAt = TimestampOrNull(r, 13),
        HangupRequestedAt = TimestampOrNull(r, 14),
        EndedAt = TimestampOrNull(r, 15),
        EndReconciled = r.GetBoolean(16),
        HangupCause = r.IsDBNull(17) ? null : r.GetInt32(17),
        HangupCauseText = StringOrNull(r, 18),
        DialStatus = StringOrNull(r, 19),
        FirstBridgedAt = TimestampOrNull(r, 20),
        HoldCount = r.GetInt32(21),
        HoldSeconds = r.GetDouble(22),
        HoldStartedAt = TimestampOrNull(r, 23),
        LastEventAt = TimestampOrNull(r, 24),
    };

    private static string? StringOrNull(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static DateTimeOffset? TimestampOrNull(NpgsqlDataReader r, int ordinal) =>
        r.IsDBNull(ordinal) ? null : r.GetFieldValue<DateTimeOffset>(ordinal);

    private static string Lower<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    private static NpgsqlParameter<T[]> Array<TRow, T>(IReadOnlyCollection<TRow> rows, Func<TRow, T> value) =>
        new() { TypedValue = [.. rows.Select(value)] };

    // timestamptz takes UTC offsets only.
    private static NpgsqlParameter Timestamps<TRow>(IReadOnlyCollection<TRow> rows, Func<TRow, DateTimeOffset> value) =>
        new NpgsqlParameter<DateTimeOffset[]>
        {
            TypedValue = [.. rows.Select(r => value(r).ToUniversalTime())],
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        };

    private static NpgsqlParameter Timestamps<TRow>(IReadOnlyCollection<TRow> rows, Func<TRow, DateTimeOffset?> value) =>
        new NpgsqlParameter<DateTimeOffset?[]>
        {
            TypedValue = [.. rows.Select(r => value(r)?.ToUniversalTime())],
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        };
}
