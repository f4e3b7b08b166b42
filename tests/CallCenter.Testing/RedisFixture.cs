using CallCenter.LocalServers;
using StackExchange.Redis;
using Xunit;

namespace CallCenter.Testing;

/// <summary>A throwaway Redis shared by a test collection. Tests may stop and start it (outage tests).</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private ConnectionMultiplexer? _connection;

    public RedisServer Server { get; } = new(TestRun.NewDirectory("redis"), PortAllocator.GetFreePort(), TestRun.Log);

    public string ConnectionString => Server.ConnectionString;

    /// <summary>A shared multiplexer for assertions (it reconnects by itself after an outage).</summary>
    public IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("Redis is not started.");

    public async ValueTask InitializeAsync()
    {
        await Server.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync($"{ConnectionString},abortConnect=false");
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        await Server.DisposeAsync();
    }
}
