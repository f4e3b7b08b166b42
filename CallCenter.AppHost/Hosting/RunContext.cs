using CallCenter.AppHost.Hosting.Containers;
using CallCenter.AppHost.Hosting.Installation;
using CallCenter.AppHost.Hosting.Output;

namespace CallCenter.AppHost.Hosting;

/// <summary>Everything a resource needs to bind itself for this run.</summary>
internal sealed class RunContext(
    AppHostOptions options,
    DataFolder dataFolder,
    InstallationSecrets secrets,
    InstallationState state,
    PortAssignments ports,
    ExecutionMode mode,
    ContainerRuntime? containerRuntime,
    ConsoleOutput output)
{
    public AppHostOptions Options { get; } = options;

    public DataFolder DataFolder { get; } = dataFolder;

    public InstallationSecrets Secrets { get; } = secrets;

    public InstallationState State { get; } = state;

    public PortAssignments Ports { get; } = ports;

    public ExecutionMode Mode { get; } = mode;

    /// <summary>The engine to run infrastructure in; set when <see cref="Mode"/> is <see cref="ExecutionMode.Container"/>.</summary>
    public ContainerRuntime? ContainerRuntime { get; } = containerRuntime;

    public ConsoleOutput Output { get; } = output;

    public ContainerRuntime RequireContainerRuntime() =>
        ContainerRuntime ?? throw new InvalidOperationException("Container mode without a container runtime.");
}

/// <summary>How infrastructure resources run.</summary>
public enum ExecutionMode
{
    /// <summary>Containers when Docker or Podman answers, else local processes.</summary>
    Auto,

    /// <summary>Local processes from what eng/install-prereqs.sh installs.</summary>
    Local,

    /// <summary>Containers (Docker or Podman).</summary>
    Container,
}
