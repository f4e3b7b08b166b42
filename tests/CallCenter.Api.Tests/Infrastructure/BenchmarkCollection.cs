namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>A separate API and database for the (explicit) benchmarks, which add a million calls.</summary>
[CollectionDefinition(Name)]
public sealed class BenchmarkCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api-benchmark";
}
