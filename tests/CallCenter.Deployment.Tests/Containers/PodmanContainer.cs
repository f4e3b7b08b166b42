using System.Diagnostics;
using CallCenter.LocalServers;
using CallCenter.Testing;

namespace CallCenter.Deployment.Tests.Containers;

/// <summary>
/// One container run in the foreground by <c>podman run --rm</c> on the host's network, so that it reaches the local
/// servers on 127.0.0.1 and is reached there, as a process would be. Stopping sends SIGTERM to podman, which passes it
/// to the container (--sig-proxy); the container is removed whatever way it ends.
/// </summary>
public sealed class PodmanContainer : LocalServer
{
    private readonly string _image;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly IReadOnlyList<string> _runOptions;
    private readonly IReadOnlyList<string> _command;
    private readonly Func<CancellationToken, Task<bool>> _probe;
    private readonly Stopwatch _sinceStart = new();

    /// <param name="name">The container's name (unique per test run) and the prefix of its log lines.</param>
    /// <param name="probe">True once the container serves (e.g. its /health answers 200).</param>
    /// <param name="runOptions">More <c>podman run</c> options, e.g. volumes.</param>
    /// <param name="command">Arguments after the image (to its entry point).</param>
    public PodmanContainer(
        string name,
        string image,
        IReadOnlyDictionary<string, string> environment,
        Func<CancellationToken, Task<bool>> probe,
        IReadOnlyList<string>? runOptions = null,
        IReadOnlyList<string>? command = null)
        : base(name, TestRun.NewDirectory(name), TestRun.Log)
    {
        _image = image;
        _environment = environment;
        _probe = probe;
        _runOptions = runOptions ?? [];
        _command = command ?? [];
    }

    /// <summary>From <c>podman run</c> to the first successful probe, the last time it started.</summary>
    public TimeSpan StartupTime { get; private set; }

    protected override TimeSpan StartTimeout => TimeSpan.FromSeconds(120);

    public override Task PrepareAsync(CancellationToken cancellationToken)
    {
        _sinceStart.Restart();
        return Task.CompletedTask;
    }

    public override LocalProcessSpec CreateSpec()
    {
        List<string> arguments = ["run", "--rm", "--name", Name, "--network", "host", .. _runOptions];
        foreach (var (key, value) in _environment)
        {
            arguments.Add("--env");
            arguments.Add($"{key}={value}");
        }

        arguments.Add(_image);
        arguments.AddRange(_command);
        return new LocalProcessSpec(Name, "podman", arguments) { StopTimeout = TimeSpan.FromSeconds(20) };
    }

    public override async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        if (!await _probe(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        StartupTime = _sinceStart.Elapsed;
        return true;
    }

    public override string Describe() => $"{_image} as container {Name}";

    protected override async Task OnStoppedAsync() => await Podman.RemoveContainerAsync(Name).ConfigureAwait(false);
}
