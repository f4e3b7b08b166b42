using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using CallCenter.LocalServers;
using Xunit;

namespace CallCenter.AppHost.Tests;

/// <summary>The real AppHost started as a process the way a user does (`dotnet CallCenter.AppHost.dll`), on its own data folder.</summary>
internal sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private AppHostProcess(Process process, string dataFolder, string pidRegistry)
    {
        _process = process;
        DataFolder = dataFolder;
        PidRegistry = pidRegistry;
    }

    public string DataFolder { get; }

    /// <summary>Where LocalProcess recorded every child this AppHost started (CALLCENTER_PID_REGISTRY).</summary>
    public string PidRegistry { get; }

    public int Id => _process.Id;

    public string EndpointsFile => Path.Combine(DataFolder, "endpoints.json");

    public string Output => string.Join('\n', _lines);

    public static AppHostProcess Start(string dataFolder, params string[] arguments)
    {
        var configuration = typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var appHost = Path.Combine(Prerequisites.RepositoryRoot, "CallCenter.AppHost", "bin", configuration, "net10.0", "CallCenter.AppHost.dll");
        Assert.True(File.Exists(appHost), $"The AppHost is not built at {appHost}");
        var pidRegistry = Path.Combine(Path.GetDirectoryName(dataFolder)!, Path.GetFileName(dataFolder) + "-pids");

        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Prerequisites.RepositoryRoot,
        };
        foreach (var argument in (string[])[appHost, "--data-dir", dataFolder, "--mode", "local", .. arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment[LocalServers.PidRegistry.EnvironmentVariable] = pidRegistry;
        startInfo.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        var process = new Process { StartInfo = startInfo };
        var host = new AppHostProcess(process, dataFolder, pidRegistry);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    public async Task<JsonDocument> WaitForEndpointsAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The AppHost exited with code {_process.ExitCode} before it was ready. Output:\n{Tail()}");
            }

            if (File.Exists(EndpointsFile))
            {
                return JsonDocument.Parse(await File.ReadAllTextAsync(EndpointsFile));
            }

            await Task.Delay(250);
        }

        Assert.Fail($"No endpoints.json within {timeout.TotalSeconds:0} s. Output:\n{Tail()}");
        return null!;
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!_lines.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            Assert.False(_process.HasExited, $"The AppHost exited before printing '{text}'. Output:\n{Tail()}");
            Assert.True(deadline.Elapsed < timeout, $"The AppHost did not print '{text}' within {timeout.TotalSeconds:0} s. Output:\n{Tail()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Ctrl+C, as a terminal sends it to the AppHost; returns the exit code.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        UnixSignals.Send(_process.Id, UnixSignals.SigInt);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The AppHost did not stop within {timeout.TotalSeconds:0} s of SIGINT. Output:\n{Tail()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Every process the AppHost ever started (the PID registry) is gone.</summary>
    public void AssertNoProcessLeft()
    {
        var recorded = Directory.Exists(PidRegistry) ? Directory.GetFiles(PidRegistry) : [];
        var alive = recorded
            .Select(file => (Pid: int.Parse(Path.GetFileName(file), System.Globalization.CultureInfo.InvariantCulture), What: File.ReadAllText(file).Trim()))
            .Where(entry => IsAlive(entry.Pid))
            .ToList();
        Assert.True(alive.Count == 0, $"Left running: {string.Join("; ", alive.Select(entry => $"pid {entry.Pid} ({entry.What})"))}");
        // Every child unregisters when it exits: an empty registry means each one was seen to end.
        Assert.Empty(recorded);
    }

    /// <summary>Every process below the AppHost now (children and theirs: PostgreSQL backends, sipp calls ...).</summary>
    public IReadOnlyList<ProcessIdentity> Descendants()
    {
        var all = Directory.GetDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), out var pid) ? ProcessIdentity.Read(pid) : null)
            .OfType<ProcessIdentity>()
            .ToList();
        var found = new List<ProcessIdentity>();
        var parents = new HashSet<int> { _process.Id };
        while (all.Where(process => parents.Contains(process.ParentPid) && !found.Contains(process)).ToList() is { Count: > 0 } children)
        {
            found.AddRange(children);
            parents.UnionWith(children.Select(child => child.Pid));
        }

        return found;
    }

    public static bool IsAlive(int pid) =>
        Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Split(") ", 2)[1].StartsWith('Z');

    public string Tail() => string.Join('\n', _lines.TakeLast(80));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            UnixSignals.Send(_process.Id, UnixSignals.SigInt);
            if (!_process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        // Anything the AppHost left (a failed test) is stopped here, by the PIDs it recorded, never by name.
        if (Directory.Exists(PidRegistry))
        {
            foreach (var file in Directory.GetFiles(PidRegistry))
            {
                var pid = int.Parse(Path.GetFileName(file), System.Globalization.CultureInfo.InvariantCulture);
                if (IsAlive(pid))
                {
                    UnixSignals.Send(pid, UnixSignals.SigKill);
                }
            }
        }

        _process.Dispose();
        RemoveAsteriskInstance();
        await Task.CompletedTask;
    }

    /// <summary>The AppHost keeps its Asterisk instance folder (recordings) in the shared root filesystem between runs; a test installation's goes with it.</summary>
    private void RemoveAsteriskInstance()
    {
        var secrets = Path.Combine(DataFolder, "secrets.json");
        if (!File.Exists(secrets))
        {
            return;
        }

        var id = JsonDocument.Parse(File.ReadAllText(secrets)).RootElement.GetProperty("installationId").GetString();
        var instance = new AsteriskInstanceLayout(Prerequisites.AsteriskRootFilesystem, $"apphost-{id}").HostDirectory;
        if (Directory.Exists(instance))
        {
            Directory.Delete(instance, recursive: true);
        }
    }

    private void OnLine(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}

/// <summary>A process as /proc/&lt;pid&gt;/stat names it; the start time tells a reused PID from the same process.</summary>
internal sealed record ProcessIdentity(int Pid, int ParentPid, ulong StartTime, string Command)
{
    public static ProcessIdentity? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var command = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..stat.LastIndexOf(')')];
            // After "pid (comm) ": state ppid ... starttime is the 20th field from there.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z"
                ? null
                : new ProcessIdentity(pid, int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), ulong.Parse(fields[19], System.Globalization.CultureInfo.InvariantCulture), command);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>This very process still runs (not a zombie, not another process with the same PID).</summary>
    public bool IsAlive => Read(Pid) is { } now && now.StartTime == StartTime;

    public override string ToString() => $"pid {Pid} ({Command})";
}
