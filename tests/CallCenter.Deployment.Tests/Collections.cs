using CallCenter.Deployment.Tests.Containers;
using CallCenter.Testing;

namespace CallCenter.Deployment.Tests;

/// <summary>The service images and the real servers their containers run against (local processes on loopback).</summary>
[CollectionDefinition(Name)]
public sealed class ServiceImagesCollection :
    ICollectionFixture<ServiceImages>, ICollectionFixture<PostgresFixture>, ICollectionFixture<RedisFixture>,
    ICollectionFixture<AzuriteFixture>, ICollectionFixture<AsteriskFixture>
{
    public const string Name = "service images";
}

/// <summary>The Asterisk image and the Redis its ingestion process writes to.</summary>
[CollectionDefinition(Name)]
public sealed class AsteriskImageCollection : ICollectionFixture<AsteriskImage>, ICollectionFixture<RedisFixture>
{
    public const string Name = "asterisk image";
}
