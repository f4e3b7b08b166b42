using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CallCenter.Persistence.Consumption;

internal static class TransientErrors
{
    /// <summary>
    /// True when the batch itself is at fault (bad data, a constraint it violates): retrying the same
    /// batch can never succeed, so it is split to find the poison entry. Everything else (database
    /// down, connection lost, deadlock, serialization failure) is retried as is.
    /// </summary>
    public static bool IsCausedByData(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                // 22: data exception, 23: integrity constraint violation, 42: syntax/undefined (a value the SQL cannot take).
                return !postgres.IsTransient && postgres.SqlState.Length >= 2 && postgres.SqlState[..2] is "22" or "23";
            }

            if (current is NpgsqlException or SocketException or TimeoutException or DbUpdateConcurrencyException)
            {
                return false;
            }
        }

        return false;
    }
}
