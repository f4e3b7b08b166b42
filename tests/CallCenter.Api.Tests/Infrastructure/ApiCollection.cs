namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>One API host over real PostgreSQL, Redis and Azurite, shared by every test class (they run one class at a time).</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
