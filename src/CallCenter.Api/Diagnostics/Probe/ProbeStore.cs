using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Diagnostics;

/// <summary>
/// The probes of this API instance, kept for Diagnostics:Probe:KeepFor after they finish so the console can read the
/// result. In memory: with several API replicas, read a probe from the replica that started it (the console does, as
/// one page keeps its connection).
/// </summary>
public sealed class ProbeStore(IOptions<DiagnosticsOptions> options, TimeProvider time)
{
    /// <summary>Each probe places a real call: a few at once is plenty.</summary>
    public const int MaxRunning = 3;

    private readonly ConcurrentDictionary<string, CallPathProbe> _probes = new(StringComparer.Ordinal);

    public bool TryAdd(CallPathProbe probe)
    {
        var now = time.GetUtcNow();
        foreach (var old in _probes.Values.Where(p => p.FinishedAt is { } finished && now - finished > options.Value.Probe.KeepFor))
        {
            _probes.TryRemove(old.Id, out _);
        }

        if (_probes.Values.Count(p => !p.Finished) >= MaxRunning)
        {
            return false;
        }

        return _probes.TryAdd(probe.Id, probe);
    }

    public CallPathProbe? Get(string id) => _probes.GetValueOrDefault(id);
}
