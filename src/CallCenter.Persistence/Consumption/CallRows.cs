using CallCenter.Data;
using Npgsql;
using NpgsqlTypes;

namespace CallCenter.Persistence.Consumption;

/// <summary>
/// Creates and locks the call rows a batch touches, with plain Npgsql: one set-based insert of the new calls and one
/// locking read of the calls with their legs. EF Core's change tracking cost more per event than everything else the
/// worker does together, and the worker is the only writer of these tables, so the mapping lives here next to the EF
/// model it mirrors (<see cref="CallColumns"/>); <see cref="CallRowWriter"/> and <see cref="CallEventCopier"/> write.
/// </summary>
internal static class CallRows
{
    private static readonly string LockCallsSql =
        $"""
        SELECT {CallColumns.Qualified("c", CallColumns.Calls)} FROM calls c
        JOIN unnest($1, $2) AS k(asterisk_id, call_key) ON c.asterisk_id = k.asterisk_id AND c.call_key = k.call_key
        ORDER BY c.asterisk_id, c.call_key
        FOR UPDATE OF c
        """;

    private static readonly string LoadLegsSql =
        $"""
        SELECT {CallColumns.Qualified("l", CallColumns.Legs)} FROM call_legs l
        JOIN calls c ON c.id = l.call_id
        JOIN unnest($1, $2) AS k(asterisk_id, call_key) ON c.asterisk_id = k.asterisk_id AND c.call_key = k.call_key
        """;

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
        var lockCalls = new NpgsqlBatchCommand(LockCallsSql);
        lockCalls.Parameters.Add(new NpgsqlParameter<string[]>{ TypedValue = asterisks });
        lockCalls.Parameters.Add(new NpgsqlParameter<string[]>{ TypedValue = callKeys });
        var loadLegs = new NpgsqlBatchCommand(LoadLegsSql);
        loadLegs.Parameters.Add(new NpgsqlParameter<string[]>{ TypedValue = asterisks });
        loadLegs.Parameters.Add(new NpgsqlParameter<string[]>{ TypedValue = callKeys });
        batch.BatchCommands.Add(lockCalls);
        batch.BatchCommands.Add(loadLegs);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var byId = new Dictionary<Guid, Call>(keys.Length);
        while (await reader.ReadAsync(cancellationToken))
        {
            var call = CallRowReader.ReadCall(reader);
            calls[new CallKey(call.AsteriskId, call.CallKey)] = call;
            byId[call.Id] = call;
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var leg = CallRowReader.ReadLeg(reader);
            if (byId.TryGetValue(leg.CallId, out var call))
            {
                call.Legs.Add(leg);
            }
        }

        return calls;
    }
}
