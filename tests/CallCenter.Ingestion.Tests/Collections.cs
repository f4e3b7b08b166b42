using CallCenter.Testing;

namespace CallCenter.Ingestion.Tests;

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}

/// <summary>Real Asterisk + Redis. Tests here restart one or the other, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class AsteriskCollection : ICollectionFixture<RedisFixture>, ICollectionFixture<AsteriskFixture>
{
    public const string Name = "asterisk+redis";
}
