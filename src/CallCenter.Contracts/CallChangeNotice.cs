namespace CallCenter.Contracts;

/// <summary>
/// Published on Redis pub/sub after the worker commits a change to a call, for the live API.
/// Compact on purpose: subscribers load what they need.
/// </summary>
public sealed record CallChangeNotice(Guid CallId, string Status, long Version, DateTimeOffset CommittedAt)
{
    public const string DefaultChannel = "callcenter:call-changes";
}
