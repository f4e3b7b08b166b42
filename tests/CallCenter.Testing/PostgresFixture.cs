using CallCenter.LocalServers;
using Npgsql;
using Xunit;

namespace CallCenter.Testing;

/// <summary>A throwaway PostgreSQL cluster shared by a test collection; each test can take its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private int _databases;

    public PostgresServer Server { get; } = new(
        TestRun.NewDirectory("postgres"), PortAllocator.GetFreePort(), TestRun.NewSecret(), TestRun.Log, durable: false);

    public string ConnectionString(string database = "postgres") => Server.ConnectionString(database);

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}_{Environment.ProcessId}";
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask InitializeAsync() => await Server.StartAsync();

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Server.DisposeAsync();
    }
}
