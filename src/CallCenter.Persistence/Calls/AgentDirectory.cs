using CallCenter.Data;
using CallCenter.Persistence.Recordings;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Persistence.Calls;

/// <summary>
/// The agents table is small and changes rarely: it is cached for <see cref="RefreshInterval"/> so
/// batches do not query it every time.
/// </summary>
internal sealed class AgentDirectory(TimeProvider time)
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
    private Dictionary<string, Guid> _agents = new(StringComparer.Ordinal);
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public async Task<AgentRules> GetRulesAsync(
        CallCenterDbContext db, PersistenceOptions options, RecordingOptions recordingOptions, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _loadedAt > RefreshInterval)
        {
            var agents = await db.Agents.AsNoTracking().Where(a => a.Active)
                .Select(a => new { a.Extension, a.Id })
                .ToListAsync(cancellationToken);
            _agents = agents.ToDictionary(a => a.Extension, a => a.Id, StringComparer.Ordinal);
            _loadedAt = now;
        }

        var snapshot = _agents;
        return new AgentRules(snapshot)
        {
            MaxExtensionLength = options.MaxExtensionLength,
            RecordingVariables = new HashSet<string>(options.RecordingVariables, StringComparer.Ordinal),
            SpoolDirectory = recordingOptions.SpoolDirectory,
            AgentExtensions = snapshot.Keys.ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>Forgets the cache (tests that add agents, or after an admin change).</summary>
    public void Invalidate() => _loadedAt = DateTimeOffset.MinValue;
}

internal sealed class AgentRules(IReadOnlyDictionary<string, Guid> agents) : CallRules
{
    public Guid? AgentIdOf(string extension) => agents.TryGetValue(extension, out var id) ? id : null;
}
