using System.Diagnostics;
using CallCenter.AppHost.Hosting.Resources;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Hosting.Orchestration;

/// <summary>
/// Starts resources as soon as what they wait for is healthy (independent ones in parallel), watches
/// every process and restarts a crashed one with backoff, and stops everything in reverse order:
/// services first, then the servers they use.
/// </summary>
internal sealed class Orchestrator(RunContext context, ResourceGraph graph)
{
    private readonly Dictionary<Resource, TaskCompletionSource<bool>> _ready = graph.StartOrder.ToDictionary(
        resource => resource, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));

    private readonly Dictionary<Resource, ResourceState> _states = graph.StartOrder.ToDictionary(resource => resource, _ => ResourceState.Waiting);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _supervision = new();
    private readonly List<Task> _supervisors = [];

    public ResourceState StateOf(Resource resource)
    {
        lock (_gate)
        {
            return _states[resource];
        }
    }

    /// <summary>Starts everything; returns when every resource is healthy (or was skipped). Throws on the first failure.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var total = _ready.Count;
        var starts = graph.StartOrder.Select(resource => StartOneAsync(resource, total, cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(starts).ConfigureAwait(false);
        }
        catch when (starts.Any(start => start.IsFaulted) && !cancellationToken.IsCancellationRequested)
        {
            // Report the first real failure, not the cancellations it caused.
            throw starts.First(start => start.IsFaulted).Exception!.InnerException!;
        }
    }

    /// <summary>Stops every process, dependents first; each wave in parallel.</summary>
    public async Task StopAsync()
    {
        await _supervision.CancelAsync().ConfigureAwait(false);
        foreach (var wave in graph.StopWaves)
        {
            var running = wave.Where(resource => resource.Server is { Process: not null }).ToList();
            await Task.WhenAll(running.Select(StopOneAsync)).ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(_supervisors).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Second Ctrl+C: no more waiting, every process tree is killed now.</summary>
    public void KillAll()
    {
        foreach (var resource in graph.StartOrder)
        {
            resource.Server?.Kill();
        }
    }

    private async Task StartOneAsync(Resource resource, int total, CancellationToken cancellationToken)
    {
        var dependencies = resource.Dependencies.ToList();
        if (dependencies.Count > 0 && dependencies.Any(dependency => !_ready[dependency].Task.IsCompleted))
        {
            context.Output.Info($"{resource.Name}: waiting for {string.Join(", ", dependencies.Select(dependency => dependency.Name))}");
        }

        var usable = await Task.WhenAll(dependencies.Select(dependency => _ready[dependency].Task)).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (usable.Any(ok => !ok) || resource is ProjectResource { IsAvailable: false })
        {
            SetState(resource, ResourceState.Skipped);
            context.Output.Warn(resource is ProjectResource { IsAvailable: false } project
                ? $"{resource.Name}: skipped, {project.ProjectPath} is not in this checkout yet"
                : $"{resource.Name}: skipped, because {string.Join(", ", dependencies.Where(dependency => !_ready[dependency].Task.Result).Select(dependency => dependency.Name))} did not start");
            _ready[resource].TrySetResult(false);
            return;
        }

        try
        {
            var stopwatch = Stopwatch.StartNew();
            SetState(resource, ResourceState.Starting);
            if (resource.Server is { } server)
            {
                context.Output.Info($"{resource.Name}: starting ({(server is Containers.ContainerServer ? "container" : "local process")})");
                await server.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            await resource.OnReadyAsync(context, cancellationToken).ConfigureAwait(false);
            SetState(resource, ResourceState.Running);
            _ready[resource].TrySetResult(true);
            context.Output.Success(
                $"{resource.Name}: healthy after {stopwatch.Elapsed.TotalSeconds:0.0} s ({_ready.Values.Count(ready => ready.Task.IsCompleted)}/{total} ready)");
            if (resource.Server is { } supervised)
            {
                lock (_gate)
                {
                    _supervisors.Add(SuperviseAsync(resource, supervised, _supervision.Token));
                }
            }
        }
        catch (Exception exception)
        {
            SetState(resource, ResourceState.Failed);
            _ready[resource].TrySetResult(false);
            if (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C while this resource was starting: whatever the interrupted start threw (a probe's
                // connection refused, a process stopped under it) is the stop, not a failure to report.
                throw exception as OperationCanceledException ?? new OperationCanceledException($"{resource.Name}: start interrupted", exception, cancellationToken);
            }

            throw new ResourceStartException(resource, exception);
        }
    }

    private async Task SuperviseAsync(Resource resource, LocalServer server, CancellationToken stopping)
    {
        var policy = new RestartPolicy();
        var upSince = Stopwatch.StartNew();
        while (!stopping.IsCancellationRequested)
        {
            if (server.Process is not { } process)
            {
                return;
            }

            int exitCode;
            try
            {
                exitCode = await process.Exited.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var delay = policy.NextDelay(upSince.Elapsed);
            SetState(resource, ResourceState.Restarting);
            context.Output.Warn(
                $"{resource.Name}: exited unexpectedly (exit code {exitCode}); restarting in {delay.TotalSeconds:0} s (restart #{policy.Restarts})");
            while (true)
            {
                try
                {
                    await Task.Delay(delay, stopping).ConfigureAwait(false);
                    await server.StartAsync(stopping).ConfigureAwait(false);
                    await resource.OnReadyAsync(context, stopping).ConfigureAwait(false);
                    SetState(resource, ResourceState.Running);
                    context.Output.Success($"{resource.Name}: running again after restart #{policy.Restarts}");
                    upSince.Restart();
                    break;
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    delay = policy.NextDelay(TimeSpan.Zero);
                    context.Output.Error($"{resource.Name}: restart failed ({FirstLine(exception.Message)}); trying again in {delay.TotalSeconds:0} s (restart #{policy.Restarts})");
                }
            }
        }
    }

    private async Task StopOneAsync(Resource resource)
    {
        try
        {
            await resource.Server!.StopAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            context.Output.Error($"{resource.Name}: stopping failed ({FirstLine(exception.Message)}); killing it");
            resource.Server!.Kill();
        }

        SetState(resource, ResourceState.Stopped);
    }

    private void SetState(Resource resource, ResourceState state)
    {
        lock (_gate)
        {
            _states[resource] = state;
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}

internal enum ResourceState
{
    Waiting,
    Starting,
    Running,
    Restarting,
    Failed,
    Skipped,
    Stopped,
}

/// <summary>A resource did not become healthy; the message says which and why (with its last output).</summary>
internal sealed class ResourceStartException(Resource resource, Exception inner)
    : Exception($"{resource.Name} did not start: {inner.Message}", inner)
{
    public Resource Resource { get; } = resource;
}
