namespace CallCenter.AppHost.Hosting.Containers;

/// <summary>
/// One container the AppHost runs in the foreground (`run --rm`, output streamed like a local process's).
/// Secrets are passed as `--env NAME` with the value in the client's environment, so they never appear in
/// a process listing.
/// </summary>
public sealed record ContainerSpec(string ContainerName, string Image)
{
    public IReadOnlyList<PortMapping> Ports { get; init; } = [];

    public IReadOnlyList<VolumeMount> Volumes { get; init; } = [];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Variables whose values stay out of the command line.</summary>
    public IReadOnlyDictionary<string, string> SecretEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Arguments after the image (the container's command).</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>A network to join instead of the default bridge ("host" shares the host's network).</summary>
    public string? Network { get; init; }

    /// <summary>Labels every AppHost container carries, so that leftovers of a crashed run can be found.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The `run` command line (without the executable).</summary>
    public IReadOnlyList<string> RunArguments()
    {
        List<string> arguments = ["run", "--rm", "--name", ContainerName];
        foreach (var (key, value) in Labels.OrderBy(label => label.Key, StringComparer.Ordinal))
        {
            arguments.AddRange(["--label", $"{key}={value}"]);
        }

        if (Network is not null)
        {
            arguments.AddRange(["--network", Network]);
        }

        foreach (var port in Ports)
        {
            arguments.AddRange(["--publish", port.ToString()]);
        }

        foreach (var volume in Volumes)
        {
            arguments.AddRange(["--volume", volume.ToString()]);
        }

        foreach (var (key, value) in Environment.OrderBy(variable => variable.Key, StringComparer.Ordinal))
        {
            arguments.AddRange(["--env", $"{key}={value}"]);
        }

        foreach (var key in SecretEnvironment.Keys.Order(StringComparer.Ordinal))
        {
            arguments.AddRange(["--env", key]);
        }

        arguments.Add(Image);
        arguments.AddRange(Command);
        return arguments;
    }

    /// <summary>Removes the container if a previous run left it behind (or after a stop, to be sure).</summary>
    public IReadOnlyList<string> RemoveArguments() => ["rm", "--force", ContainerName];

    /// <summary>A graceful stop with a deadline (the engine kills it after the deadline).</summary>
    public IReadOnlyList<string> StopArguments(TimeSpan timeout) =>
        ["stop", "--time", ((int)timeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), ContainerName];
}

/// <summary>A published port; published on loopback only unless a host address says otherwise.</summary>
public sealed record PortMapping(int HostPort, int ContainerPort, string Protocol = "tcp", string HostAddress = "127.0.0.1")
{
    public override string ToString() => Protocol == "tcp"
        ? $"{HostAddress}:{HostPort}:{ContainerPort}"
        : $"{HostAddress}:{HostPort}:{ContainerPort}/{Protocol}";
}

public sealed record VolumeMount(string HostPath, string ContainerPath, bool ReadOnly = false)
{
    public override string ToString() => ReadOnly ? $"{HostPath}:{ContainerPath}:ro" : $"{HostPath}:{ContainerPath}";
}
