using CallCenter.AppHost.Hosting.Resources;

namespace CallCenter.AppHost.Hosting.Orchestration;

/// <summary>
/// The wait-for graph: which resources may start together (a wave), in which order, and, reversed, in
/// which order to stop (dependents first). Cycles and references to undeclared resources are errors.
/// </summary>
internal sealed class ResourceGraph
{
    private ResourceGraph(IReadOnlyList<IReadOnlyList<Resource>> waves)
    {
        Waves = waves;
    }

    /// <summary>Start order: every resource's dependencies are in an earlier wave. Within a wave, declaration order.</summary>
    public IReadOnlyList<IReadOnlyList<Resource>> Waves { get; }

    public IEnumerable<Resource> StartOrder => Waves.SelectMany(wave => wave);

    /// <summary>Dependents before what they depend on: services stop before the servers they use.</summary>
    public IEnumerable<IReadOnlyList<Resource>> StopWaves => Waves.Reverse();

    public static ResourceGraph Build(IReadOnlyList<Resource> resources)
    {
        var declared = resources.ToHashSet();
        foreach (var resource in resources)
        {
            foreach (var dependency in resource.Dependencies)
            {
                if (!declared.Contains(dependency))
                {
                    throw new InvalidOperationException($"{resource.Name} waits for {dependency.Name}, which is not declared in this application.");
                }
            }
        }

        var level = new Dictionary<Resource, int>();
        var visiting = new List<Resource>();
        foreach (var resource in resources)
        {
            LevelOf(resource, level, visiting);
        }

        var waves = resources
            .GroupBy(resource => level[resource])
            .OrderBy(group => group.Key)
            .Select(group => (IReadOnlyList<Resource>)[.. group])
            .ToList();
        return new ResourceGraph(waves);
    }

    private static int LevelOf(Resource resource, Dictionary<Resource, int> level, List<Resource> visiting)
    {
        if (level.TryGetValue(resource, out var known))
        {
            return known;
        }

        if (visiting.Contains(resource))
        {
            var cycle = visiting.SkipWhile(item => item != resource).Append(resource).Select(item => item.Name);
            throw new InvalidOperationException($"The resources wait for each other in a cycle: {string.Join(" -> ", cycle)}.");
        }

        visiting.Add(resource);
        var mine = resource.Dependencies.Select(dependency => LevelOf(dependency, level, visiting) + 1).DefaultIfEmpty(0).Max();
        visiting.Remove(resource);
        level[resource] = mine;
        return mine;
    }
}
