using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using CallCenter.LocalServers;
using Xunit;

namespace CallCenter.AppHost.Tests;

/// <summary>
/// The real AppHost started as a process the way `dotnet run` starts it (the http launch profile's settings, here on
/// free ports), with SIGINT at its default action even when the test runs from a background job, which would
/// otherwise hand it down ignored. Perl (part of every Debian) resets it before exec; the PID stays the AppHost's.
/// </summary>
internal sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private AppHostProcess(Process process, string dataFolder)
    {
        _process = process;
        DataFolder = dataFolder;
    }

    public string DataFolder { get; }

    public int Id => _process.Id;

    public string EndpointsFile => Path.Combine(DataFolder, "endpoints.json");

    public string Output => string.Join('\n', _lines);

    public static string AppHostDll
    {
        get
        {
            var configuration = typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var dll = Path.Combine(Prerequisites.RepositoryRoot, "CallCenter.AppHost", "bin", configuration, "net10.0", "CallCenter.AppHost.dll");
            Assert.True(File.Exists(dll), $"The AppHost is not built at {dll}");
            return dll;
        }
    }

    public static AppHostProcess Start(string dataFolder, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("perl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Prerequisites.RepositoryRoot,
        };
        string[] command = ["-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec: $!\"", "dotnet", AppHostDll, "--data-dir", dataFolder, "--mode", "local", "--any-ports", .. arguments];
        foreach (var argument in command)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // What the http launch profile sets, on free ports so that a developer's running AppHost does not collide.
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://localhost:{PortAllocator.GetFreePort()}";
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{PortAllocator.GetFreePort()}";
        startInfo.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{PortAllocator.GetFreePort()}";
        startInfo.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        startInfo.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        var process = new Process { StartInfo = startInfo };
        var host = new AppHostProcess(process, dataFolder);
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
            Assert.False(_process.HasExited, $"The AppHost exited with code {(_process.HasExited ? _process.ExitCode : 0)} before it was ready. Output:\n{Tail()}");
            if (File.Exists(EndpointsFile)
                && JsonDocument.Parse(await File.ReadAllTextAsync(EndpointsFile)) is { } document
                && document.RootElement.GetProperty("appHostPid").GetInt32() == _process.Id)
            {
                return document;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"No endpoints.json of this AppHost within {timeout.TotalSeconds:0} s. Output:\n{Tail()}");
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

    /// <summary>
    /// Whether the AppHost ignores SIGINT (in a terminal it does not). Read once perl has exec'd dotnet: until then the
    /// process is perl, still with the disposition it inherited (ignored when the tests run from a background job).
    /// </summary>
    public async Task<bool> IgnoresSigIntAsync()
    {
        for (var waited = TimeSpan.Zero; File.ReadAllText($"/proc/{Id}/comm").Trim() == "perl"; waited += TimeSpan.FromMilliseconds(50))
        {
            Assert.True(waited < TimeSpan.FromSeconds(30), "perl did not exec the AppHost within 30 s");
            await Task.Delay(50);
        }

        return (ulong.Parse(File.ReadLines($"/proc/{Id}/status").First(line => line.StartsWith("SigIgn:", StringComparison.Ordinal))[7..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & 0b10) != 0;
    }

    /// <summary>Sends <paramref name="signal"/> and waits for the AppHost to exit; returns its exit code.</summary>
    public async Task<int> StopAsync(int signal, TimeSpan timeout)
    {
        UnixSignals.Send(_process.Id, signal);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The AppHost did not stop within {timeout.TotalSeconds:0} s of signal {signal}. Output:\n{Tail()}");
        }

        return _process.ExitCode;
    }

    /// <summary>Kills the AppHost as a crash or an OOM would, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        UnixSignals.Send(_process.Id, UnixSignals.SigKill);
        await _process.WaitForExitAsync();
    }

    /// <summary>Every process of this AppHost's stack now: Aspire's orchestrator (DCP, which detaches) and everything below it.</summary>
    public IReadOnlyList<ProcessIdentity> Stack() => StackProcesses.Of(Id);

    public string Tail() => string.Join('\n', _lines.TakeLast(80));

    public async ValueTask DisposeAsync()
    {
        var stack = Stack();
        if (!_process.HasExited)
        {
            UnixSignals.Send(_process.Id, UnixSignals.SigTerm);
            if (!_process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        // Whatever a failed test left is stopped here, by the PIDs seen, never by name.
        await StackProcesses.WaitUntilGoneAsync(stack, TimeSpan.FromSeconds(30));
        foreach (var left in stack.Where(process => process.IsAlive))
        {
            UnixSignals.Send(left.Pid, UnixSignals.SigKill);
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
