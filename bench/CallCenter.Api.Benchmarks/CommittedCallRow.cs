using System.Globalization;
using CallCenter.Contracts;
using Npgsql;

namespace CallCenter.Api.Benchmarks;

/// <summary>The benchmark call's row as the worker would describe it in a notice (<see cref="CallChangeNotice.State"/>).</summary>
internal static class CommittedCallRow
{
    public static async Task<CallState> ReadAsync(NpgsqlDataSource dataSource, Guid callId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT direction, status, caller_number, dialed_number, started_at FROM calls WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = callId });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException($"The benchmark call {callId} is not in the database.");
        }

        return new CallState
        {
            // Stored lowercase ("inbound", "ringing"); the notice carries the enum names, as the worker writes them.
            Direction = EnumName(reader.GetString(0)),
            Status = EnumName(reader.GetString(1)),
            CallerNumber = reader.IsDBNull(2) ? null : reader.GetString(2),
            DialedNumber = reader.IsDBNull(3) ? null : reader.GetString(3),
            StartedAt = reader.GetFieldValue<DateTimeOffset>(4),
        };
    }

    private static string EnumName(string stored) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(stored);
}
