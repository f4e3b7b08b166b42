using CallCenter.LocalServers;

namespace CallCenter.AppHost.Hosting.Resources;

/// <summary>
/// One named part of the application (a server, a database in it, a service), as in Aspire's model.
/// A resource may run a process (<see cref="Server"/>), may need a step once its process is healthy
/// (<see cref="OnReadyAsync"/>, e.g. creating a database), and describes its endpoints for the ready table.
/// </summary>
public abstract class Resource(string name)
{
    private readonly List<Resource> _waitsFor = [];

    public string Name { get; } = name;

    /// <summary>A short word for the table: "PostgreSQL", "Project", ...</summary>
    public abstract string Kind { get; }

    /// <summary>The resource this one lives in (a database in its server); it implicitly waits for it.</summary>
    public virtual Resource? Parent => null;

    /// <summary>Resources that must be healthy before this one starts.</summary>
    public IReadOnlyList<Resource> WaitsFor => _waitsFor;

    /// <summary>What this resource waits for, explicit or implied by its parent.</summary>
    public IEnumerable<Resource> Dependencies => Parent is { } parent ? _waitsFor.Prepend(parent).Distinct() : _waitsFor;

    /// <summary>The process this resource runs, once <see cref="Bind"/> created it; null for resources that live in a parent.</summary>
    internal LocalServer? Server { get; private protected set; }

    internal void AddWaitFor(Resource dependency)
    {
        if (dependency == this)
        {
            throw new ArgumentException($"{Name} cannot wait for itself.", nameof(dependency));
        }

        if (!_waitsFor.Contains(dependency))
        {
            _waitsFor.Add(dependency);
        }
    }

    /// <summary>Assigns ports and secrets and creates the process for this run (local process or container).</summary>
    internal virtual void Bind(RunContext context)
    {
    }

    /// <summary>Runs after the process answers its health probe (and after every restart).</summary>
    internal virtual Task OnReadyAsync(RunContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Rows for the ready table and the endpoints document.</summary>
    internal virtual IEnumerable<ResourceEndpoint> DescribeEndpoints() => [];

    /// <summary>Folders this resource keeps outside the data folder, which <c>--reset</c> must also wipe.</summary>
    internal virtual IEnumerable<string> ExternalDataFolders(RunContext context) => [];

    public override string ToString() => Name;
}

/// <summary>A resource services reach through a connection string (ConnectionStrings__{name}).</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    string ConnectionString { get; }
}

/// <summary>A resource that gives the services that reference it more than a connection string.</summary>
public interface IResourceWithEnvironment
{
    void ApplyReferenceEnvironment(IDictionary<string, string> environment);
}

/// <summary>One endpoint of a resource: what it is, where it is, and anything a person needs to use it.</summary>
public sealed record ResourceEndpoint(string Name, string Address, string? Detail = null);
