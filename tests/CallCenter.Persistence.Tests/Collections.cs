using CallCenter.Testing;

namespace CallCenter.Persistence.Tests;

/// <summary>Shared PostgreSQL + Redis; each test takes its own database and stream, so nothing leaks between tests.</summary>
[CollectionDefinition(Name)]
public sealed class StoreCollection : ICollectionFixture<PostgresFixture>, ICollectionFixture<RedisFixture>
{
    public const string Name = "postgres+redis";
}

/// <summary>Its own PostgreSQL, because the test stops and restarts it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresOutageCollection : ICollectionFixture<PostgresFixture>, ICollectionFixture<RedisFixture>
{
    public const string Name = "postgres outage";
}

/// <summary>Real Asterisk (stored recordings over ARI) and Azurite; tests here stop Azurite, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class RecordingsCollection :
    ICollectionFixture<PostgresFixture>, ICollectionFixture<RedisFixture>, ICollectionFixture<AzuriteFixture>, ICollectionFixture<AsteriskFixture>
{
    public const string Name = "recordings";
}
