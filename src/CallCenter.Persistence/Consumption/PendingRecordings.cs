using CallCenter.Data;
using Npgsql;

namespace CallCenter.Persistence.Consumption;

/// <summary>Queues the recordings of finished calls for the uploader, in the batch's transaction.</summary>
internal static class PendingRecordings
{
    /// <summary>A finished call with a recording gets a pending upload row, once.</summary>
    public static async Task<int> QueueAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<Call> calls, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = calls.Where(c => c.Status.IsFinal() && c.RecordingName is not null).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO recordings (id, call_id, source_name, asterisk_id, status, created_at, attempts, next_attempt_at)
            SELECT id, call_id, source_name, asterisk_id, 'pending', @now, 0, @now
            FROM unnest(@ids, @calls, @names, @asterisks) AS t(id, call_id, source_name, asterisk_id)
            ON CONFLICT (call_id, source_name) DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. due.Select(_ => Guid.CreateVersion7())]));
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("calls", [.. due.Select(c => c.Id)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("names", [.. due.Select(c => c.RecordingName!)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("asterisks", [.. due.Select(c => c.AsteriskId)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
