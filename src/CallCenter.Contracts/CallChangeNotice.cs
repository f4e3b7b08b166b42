namespace CallCenter.Contracts;

/// <summary>
/// Published on Redis pub/sub after the worker commits a change to a call, for the live API, once per committed
/// version. <see cref="State"/> is the call as that commit left it (null from publishers that predate it: the API then
/// reads the row). Relations (legs, events, recordings, agent, contact) are loaded by subscribers that ask for them.
/// </summary>
public sealed record CallChangeNotice(Guid CallId, string Status, long Version, DateTimeOffset CommittedAt)
{
    public const string DefaultChannel = "callcenter:call-changes";

    public CallState? State { get; init; }
}
