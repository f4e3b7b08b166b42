namespace CallCenter.Api.Live;

/// <summary>
/// Lets each version of a call through once and in order: a notice for a version at or below the last one passed
/// (a re-published or late notice) is dropped. Used by the hub's single reader only.
/// </summary>
internal sealed class VersionGate
{
    // Ended calls are remembered a while longer for their late notices, then forgotten (bounded memory).
    private const int EndedCallsRemembered = 10_000;

    private readonly Dictionary<Guid, long> _lastVersion = [];
    private readonly Queue<Guid> _ended = new();

    public bool TryPass(Guid callId, long version, bool ended)
    {
        if (_lastVersion.TryGetValue(callId, out var last) && version <= last)
        {
            return false;
        }

        _lastVersion[callId] = version;
        if (ended)
        {
            _ended.Enqueue(callId);
            if (_ended.Count > EndedCallsRemembered)
            {
                _lastVersion.Remove(_ended.Dequeue());
            }
        }

        return true;
    }
}
