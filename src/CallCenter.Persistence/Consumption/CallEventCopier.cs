using CallCenter.Data;
using Npgsql;
using NpgsqlTypes;

namespace CallCenter.Persistence.Consumption;

/// <summary>The timeline rows, streamed with binary COPY. Duplicates were filtered under the calls' locks.</summary>
internal static class CallEventCopier
{
    private static readonly string CopySql = $"COPY call_events ({string.Join(", ", CallColumns.Events)}) FROM STDIN (FORMAT BINARY)";

    public static async Task CopyAsync(NpgsqlConnection connection, List<CallEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
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
}
