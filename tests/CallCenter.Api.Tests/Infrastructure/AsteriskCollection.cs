using CallCenter.Testing;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>The API's servers plus a real Asterisk, for call control on real channels.</summary>
[CollectionDefinition(Name)]
public sealed class AsteriskCollection : ICollectionFixture<ApiFixture>, ICollectionFixture<AsteriskFixture>
{
    public const string Name = "api+asterisk";
}
