using Npgsql;

namespace CallCenter.Persistence.Consumption;

/// <summary>The batch's event ids already in the timeline: those entries were applied before (redelivery, duplicate XADD).</summary>
internal static class StoredEventIds
{
    public static async Task<HashSet<string>> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<StreamBatchEntry> entries, CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var eventIds = entries.Select(e => e.Entry.EventId).Distinct().ToArray();
        if (eventIds.Length == 0)
        {
            return stored;
        }

        await using var command = new NpgsqlCommand("SELECT event_id FROM call_events WHERE event_id = ANY(@ids)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", eventIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(reader.GetString(0));
        }

        return stored;
    }
}
