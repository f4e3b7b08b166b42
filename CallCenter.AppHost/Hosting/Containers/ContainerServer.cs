using CallCenter.LocalServers;

namespace CallCenter.AppHost.Hosting.Containers;

/// <summary>
/// A container run in the foreground by the engine's client: the client process is supervised like any
/// local server (output, crash detection), and stopping asks the engine to stop the container itself,
/// because signalling or killing the client alone could leave the container running.
/// </summary>
internal sealed class ContainerServer(
    string name,
    string dataDirectory,
    ContainerRuntime runtime,
    ContainerSpec spec,
    Func<CancellationToken, Task<bool>> probe,
    string endpoint,
    Action<string, string> output) : LocalServer(name, dataDirectory, output)
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    public ContainerSpec Spec { get; } = spec;

    /// <summary>First pulls take minutes.</summary>
    protected override TimeSpan StartTimeout => TimeSpan.FromMinutes(10);

    /// <summary>An image this container needs built first (Asterisk), as `build` arguments.</summary>
    public IReadOnlyList<string>? BuildArguments { get; init; }

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await TryRunAsync(Spec.RemoveArguments(), CancellationToken.None).ConfigureAwait(false);
        if (BuildArguments is { } build)
        {
            Output(Name, $"building image {Spec.Image}");
            await CommandRunner.RunAsync(runtime.Executable, build, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override LocalProcessSpec CreateSpec() => new(Name, runtime.Executable, Spec.RunArguments())
    {
        Environment = Spec.SecretEnvironment,
        // The client waits for `stop` below; the signal is only the fallback path.
        StopTimeout = StopGrace + TimeSpan.FromSeconds(5),
    };

    protected override Task<bool> ProbeAsync(CancellationToken cancellationToken) => probe(cancellationToken);

    protected override string Describe() => $"{endpoint}, container {Spec.ContainerName} ({runtime.Name})";

    protected override async Task OnStoppedAsync()
    {
        await TryRunAsync(Spec.StopArguments(StopGrace), CancellationToken.None).ConfigureAwait(false);
        await TryRunAsync(Spec.RemoveArguments(), CancellationToken.None).ConfigureAwait(false);
    }

    private async Task TryRunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            await CommandRunner.RunAsync(runtime.Executable, arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // No such container: nothing to stop or remove.
        }
    }
}
