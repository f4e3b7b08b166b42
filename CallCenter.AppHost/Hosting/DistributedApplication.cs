using System.Runtime.InteropServices;
using CallCenter.AppHost.Hosting.Containers;
using CallCenter.AppHost.Hosting.Demo;
using CallCenter.AppHost.Hosting.Installation;
using CallCenter.AppHost.Hosting.Orchestration;
using CallCenter.AppHost.Hosting.Output;
using CallCenter.AppHost.Hosting.Resources;
using CallCenter.LocalServers;

namespace CallCenter.AppHost.Hosting;

/// <summary>
/// The runnable application: prepares the installation (data folder, secrets, ports), starts the
/// resources in wait-for order, prints where everything is, and on Ctrl+C/SIGTERM stops it all.
/// </summary>
public sealed class DistributedApplication
{
    private readonly DistributedApplicationBuilder _builder;

    internal DistributedApplication(DistributedApplicationBuilder builder)
    {
        _builder = builder;
    }

    public static DistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var options = AppHostOptions.Parse(args, out var exitCode);
        return new DistributedApplicationBuilder(options, exitCode);
    }

    /// <summary>Runs until Ctrl+C or SIGTERM; returns the process exit code.</summary>
    public async Task<int> RunAsync()
    {
        if (_builder.Options is not { } options)
        {
            return _builder.ParseExitCode;
        }

        LocalProcess.StartInOwnSession = true;
        using var output = new ConsoleOutput();
        output.RegisterSources(_builder.Resources.Select(resource => resource.Name).Append("demo"));
        using var shutdown = new ShutdownSignals(output);
        try
        {
            return await RunAsync(options, output, shutdown).ConfigureAwait(false);
        }
        catch (MissingPrerequisiteException missing)
        {
            output.Error(missing.Message);
            return 2;
        }
        catch (MissingPrerequisitesException missing)
        {
            output.Error(missing.Message);
            return 2;
        }
    }

    private async Task<int> RunAsync(AppHostOptions options, ConsoleOutput output, ShutdownSignals shutdown)
    {
        var graph = ResourceGraph.Build(_builder.Resources);
        var dataFolder = DataFolder.Resolve(options.DataDirectory);
        using var instanceLock = InstanceLock.Acquire(dataFolder);

        if (options.Reset)
        {
            ResetInstallation(dataFolder, graph, output);
        }

        dataFolder.Create();
        output.AttachLogFile(Path.Combine(dataFolder.LogsDirectory, "apphost.log"));
        var secrets = InstallationSecrets.LoadOrCreate(dataFolder.SecretsFile, out var created);
        output.Info(created
            ? $"new installation {secrets.InstallationId}: generated its secrets in {dataFolder.SecretsFile}"
            : $"installation {secrets.InstallationId}: reusing the data and secrets in {dataFolder.Root}");
        File.Delete(dataFolder.EndpointsFile);

        var mode = await ResolveModeAsync(options.Mode, output, shutdown.Token).ConfigureAwait(false);
        var state = InstallationState.Load(dataFolder.StateFile);
        var context = new RunContext(
            options, dataFolder, secrets, state, new PortAssignments(state, output.Warn), mode.Mode, mode.Runtime, output);

        if (mode.Mode == ExecutionMode.Local)
        {
            PrerequisiteCheck.Verify(graph.StartOrder, options.Demo);
        }
        else if (options.Demo)
        {
            PrerequisiteCheck.Verify([], demo: true);
        }

        foreach (var resource in graph.StartOrder)
        {
            resource.Bind(context);
        }

        state.Save(dataFolder.StateFile);

        var orchestrator = new Orchestrator(context, graph);
        shutdown.OnForce = orchestrator.KillAll;
        DemoCalls? demo = null;
        var exitCode = 0;
        try
        {
            output.Info($"starting {graph.StartOrder.Count()} resources ({(mode.Mode == ExecutionMode.Container ? $"infrastructure in {mode.Runtime!.Name} containers" : "infrastructure as local processes")}); Ctrl+C stops everything");
            await orchestrator.StartAsync(shutdown.Token).ConfigureAwait(false);

            var report = ReadyReport.Create(context, graph, orchestrator);
            report.WriteJson(dataFolder.EndpointsFile);
            report.Print(output);

            if (options.Demo && graph.StartOrder.OfType<AsteriskResource>().FirstOrDefault() is { } asterisk)
            {
                demo = new DemoCalls(asterisk, dataFolder.ResourceDirectory("demo"), output);
                demo.Start();
            }

            await shutdown.WaitAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            output.Warn("stop requested while starting");
        }
        catch (ResourceStartException failure)
        {
            if (failure.InnerException is MissingPrerequisiteException missing)
            {
                output.Error(missing.Message);
                exitCode = 2;
            }
            else
            {
                output.Error(failure.Message);
                exitCode = 1;
            }
        }
        finally
        {
            output.Info("stopping: services first, then the servers they use");
            if (demo is not null)
            {
                await demo.DisposeAsync().ConfigureAwait(false);
            }

            await orchestrator.StopAsync().ConfigureAwait(false);
            File.Delete(dataFolder.EndpointsFile);
            output.Info($"stopped; the data is kept in {dataFolder.Root} (--reset wipes it)");
        }

        return exitCode;
    }

    private static async Task<(ExecutionMode Mode, ContainerRuntime? Runtime)> ResolveModeAsync(
        ExecutionMode requested, ConsoleOutput output, CancellationToken cancellationToken)
    {
        if (requested == ExecutionMode.Local)
        {
            return (ExecutionMode.Local, null);
        }

        var runtime = await ContainerRuntime.DetectAsync(cancellationToken).ConfigureAwait(false);
        if (runtime is not null)
        {
            return (ExecutionMode.Container, runtime);
        }

        if (requested == ExecutionMode.Container)
        {
            throw new MissingPrerequisitesException(
                "--mode container: neither Docker nor Podman answers (`docker info` / `podman info` failed). Start the engine, or run without --mode to use local processes.");
        }

        output.Info("no container engine answers: running the infrastructure as local processes");
        return (ExecutionMode.Local, null);
    }

    private static void ResetInstallation(DataFolder dataFolder, ResourceGraph graph, ConsoleOutput output)
    {
        if (!Directory.Exists(dataFolder.Root))
        {
            return;
        }

        var external = new List<string>();
        if (File.Exists(dataFolder.SecretsFile))
        {
            // The folders kept outside the data folder are named after the installation.
            var secrets = InstallationSecrets.LoadOrCreate(dataFolder.SecretsFile, out _);
            var state = InstallationState.Load(dataFolder.StateFile);
            var context = new RunContext(new AppHostOptions(), dataFolder, secrets, state, new PortAssignments(state, _ => { }), ExecutionMode.Local, null, output);
            external.AddRange(graph.StartOrder.SelectMany(resource => resource.ExternalDataFolders(context)));
        }

        dataFolder.Wipe(external);
        output.Warn($"--reset: removed {string.Join(", ", external.Prepend(dataFolder.Root))}");
    }
}

/// <summary>Several prerequisites are missing (or the requested mode cannot run); one message says all.</summary>
internal sealed class MissingPrerequisitesException(string message) : Exception(message);

/// <summary>SIGINT and SIGTERM: the first starts an orderly stop, the second kills everything at once.</summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration[] _registrations;
    private readonly ConsoleOutput _output;
    private int _signals;

    public ShutdownSignals(ConsoleOutput output)
    {
        _output = output;
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _stopping.Token;

    /// <summary>What to do on the second signal (kill every process tree).</summary>
    public Action? OnForce { get; set; }

    public Task WaitAsync() => _stopRequested.Task;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stopping.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Never let the runtime terminate the process: the children must be stopped first.
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) == 1)
        {
            _output.Warn($"{context.Signal} received: stopping (press Ctrl+C again to kill everything at once)");
            _stopRequested.TrySetResult();
            _stopping.Cancel();
            return;
        }

        _output.Error("second signal: killing every process now");
        OnForce?.Invoke();
        Environment.Exit(130);
    }
}
