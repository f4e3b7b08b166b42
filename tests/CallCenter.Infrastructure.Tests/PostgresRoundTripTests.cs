using CallCenter.Testing;
using Npgsql;

namespace CallCenter.Infrastructure.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRoundTripTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_row_written_to_a_fresh_database_reads_back()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync("roundtrip");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        await using (var create = new NpgsqlCommand(
            "CREATE TABLE calls (id uuid PRIMARY KEY, caller text NOT NULL, started timestamptz NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var id = Guid.NewGuid();
        var started = new DateTime(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc);
        await using (var insert = new NpgsqlCommand("INSERT INTO calls VALUES (@id, @caller, @started)", connection))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("caller", "998901234567");
            insert.Parameters.AddWithValue("started", started);
            Assert.Equal(1, await insert.ExecuteNonQueryAsync(cancellationToken));
        }

        await using var select = new NpgsqlCommand("SELECT caller, started FROM calls WHERE id = @id", connection);
        select.Parameters.AddWithValue("id", id);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        Assert.True(await reader.ReadAsync(cancellationToken));
        Assert.Equal("998901234567", reader.GetString(0));
        Assert.Equal(started, reader.GetFieldValue<DateTime>(1));
        Assert.False(await reader.ReadAsync(cancellationToken));
    }
}
