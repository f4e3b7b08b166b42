using CallCenter.AppHost.Hosting.Resources;

namespace CallCenter.AppHost.Hosting;

/// <summary>Collects the application's resources, as Aspire's builder does; <see cref="Build"/> makes the runnable app.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];

    internal DistributedApplicationBuilder(AppHostOptions? options, int exitCode)
    {
        Options = options;
        ParseExitCode = exitCode;
    }

    /// <summary>The parsed command line; null when the program only printed help or an argument error.</summary>
    public AppHostOptions? Options { get; }

    internal int ParseExitCode { get; }

    public IReadOnlyList<Resource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (_resources.Any(existing => string.Equals(existing.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already declared.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public DistributedApplication Build() => new(this);
}

/// <summary>A declared resource, for chaining configuration (WithReference, WaitFor, ...).</summary>
public interface IResourceBuilder<out T> where T : Resource
{
    T Resource { get; }

    DistributedApplicationBuilder ApplicationBuilder { get; }
}

internal sealed record ResourceBuilder<T>(T Resource, DistributedApplicationBuilder ApplicationBuilder) : IResourceBuilder<T> where T : Resource;
