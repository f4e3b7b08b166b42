using CallCenter.Testing;

namespace CallCenter.Infrastructure.Tests;

[CollectionDefinition(Name)]
public sealed class AsteriskCollection : ICollectionFixture<AsteriskFixture>
{
    public const string Name = "asterisk";
}
