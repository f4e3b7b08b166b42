using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CallCenter.Data;

/// <summary>
/// What a database has of this build's migrations, read without a failed command. Npgsql's history repository
/// assumes the history table exists and reads it, so on a new database EF logs the failed read as an error
/// (npgsql/efcore.pg#3407); the catalog answers the same question quietly.
/// </summary>
public static class MigrationHistory
{
    public static async Task<bool> TableExistsAsync(CallCenterDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // Unqualified, like EF's own statements, so the search_path decides in both.
            command.CommandText = $"SELECT to_regclass('\"{HistoryRepository.DefaultTableName}\"') IS NOT NULL";
            return await command.ExecuteScalarAsync(cancellationToken) is true;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>This build's migrations the database has not applied, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(CallCenterDbContext db, CancellationToken cancellationToken) =>
        await TableExistsAsync(db, cancellationToken)
            ? [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)]
            : [.. db.Database.GetMigrations()];
}
