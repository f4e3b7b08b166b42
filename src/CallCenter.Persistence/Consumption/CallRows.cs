using CallCenter.Data;
using Npgsql;

namespace CallCenter.Persistence.Consumption;

/// <summary>
/// Locks and loads the call rows a batch touches, with plain Npgsql: one locking read of the calls with their legs;
/// the calls not stored yet are made in memory. EF Core's change tracking cost more per event than everything else the
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
    /// A call this batch sees first, in memory: it is inserted with its state once the batch's events are applied
    /// (<see cref="CallRowWriter"/>), one write instead of an insert and an update of a row with ten indexes.
    /// </summary>
    public static Call New(CallKey key, DateTimeOffset firstSeen, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        AsteriskId = key.AsteriskId,
        CallKey = key.Key,
        Direction = CallDirection.Inbound,
        Status = CallStatus.Ringing,
        StartedAt = firstSeen.ToUniversalTime(),
        UpdatedAt = now,
    };

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
