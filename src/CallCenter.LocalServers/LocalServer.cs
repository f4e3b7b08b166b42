namespace CallCenter.LocalServers;

/// <summary>
/// A server that runs as a local process on a fixed loopback port with its own data folder. It can be
/// stopped and started again on the same port and data (outage tests, AppHost restarts), or killed.
/// </summary>
public abstract class LocalServer(string name, string dataDirectory, Action<string, string> output) : IAsyncDisposable
{
    private LocalProcess? _process;

    public string Name { get; } = name;

    public string DataDirectory { get; } = dataDirectory;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running process, for supervisors that watch for crashes.</summary>
    public LocalProcess? Process => _process;

    protected Action<string, string> Output { get; } = output;

    protected virtual TimeSpan StartTimeout => TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        Directory.CreateDirectory(DataDirectory);
        await PrepareAsync(cancellationToken).ConfigureAwait(false);
        var process = LocalProcess.Start(CreateSpec(), Output);
        _process = process;
        try
        {
            await Readiness.WaitAsync(process, ProbeAsync, StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await process.StopAsync().ConfigureAwait(false);
            throw;
        }

        Output(Name, $"ready ({Describe()}, pid {process.Id})");
    }

    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            await process.StopAsync().ConfigureAwait(false);
            await OnStoppedAsync().ConfigureAwait(false);
            Output(Name, "stopped");
        }
    }

    /// <summary>Kills the server without warning, as a crash would.</summary>
    public void Kill() => _process?.Kill();

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await OnDisposedAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Clean-up after the final stop (e.g. removing a per-instance folder).</summary>
    protected virtual ValueTask OnDisposedAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// One-time or every-start preparation (initdb, configuration files). Public, with <see cref="CreateSpec"/> and
    /// <see cref="ProbeAsync"/>, so that a supervisor other than <see cref="StartAsync"/> (the AppHost's DCP) can run
    /// the same server the same way.
    /// </summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnStoppedAsync() => Task.CompletedTask;

    /// <summary>The command that runs the server in the foreground, ending when the server ends (no daemon, no orphan).</summary>
    public abstract LocalProcessSpec CreateSpec();

    /// <summary>True once the server serves requests (not merely accepts connections).</summary>
    public abstract Task<bool> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>Where it listens, for the ready line.</summary>
    public abstract string Describe();
}
