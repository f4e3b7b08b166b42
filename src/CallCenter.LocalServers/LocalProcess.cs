using System.Diagnostics;
using System.Text;

namespace CallCenter.LocalServers;

/// <summary>
/// One supervised child process: output forwarded line by line with its name, a tail kept for
/// diagnostics, a graceful stop with a deadline and then a kill of the whole tree, so that nothing
/// outlives its owner. Every live PID is recorded in <see cref="PidRegistry"/> for leak checks.
/// </summary>
public sealed class LocalProcess : IAsyncDisposable
{
    private const int TailLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly Action<string, string> _output;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalProcess(LocalProcessSpec spec, Process process, Action<string, string> output)
    {
        Spec = spec;
        _process = process;
        _output = output;
    }

    public LocalProcessSpec Spec { get; }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code when the process ends, for whatever reason.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public static LocalProcess Start(LocalProcessSpec spec, Action<string, string> output)
    {
        var startInfo = new ProcessStartInfo(spec.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var local = new LocalProcess(spec, process, output);
        process.OutputDataReceived += (_, e) => local.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => local.OnLine(e.Data);
        process.Exited += (_, _) => local.OnExited();

        if (!process.Start())
        {
            throw new InvalidOperationException($"{spec.Name}: could not start {spec.FileName}.");
        }

        PidRegistry.Register(process.Id, spec);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return local;
    }

    /// <summary>The last lines the process printed, for error messages.</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    /// <summary>Sends the graceful stop signal, waits up to the spec's timeout, then kills the whole tree.</summary>
    public async Task StopAsync()
    {
        if (HasExited)
        {
            return;
        }

        UnixSignals.Send(_process.Id, Spec.StopSignal);
        var finished = await Task.WhenAny(Exited, Task.Delay(Spec.StopTimeout)).ConfigureAwait(false);
        if (finished != Exited)
        {
            Kill();
            await Exited.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
    }

    /// <summary>Kills the process and its descendants at once (a crash, as far as the server can tell).</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }

        _output(Spec.Name, line);
    }

    private void OnExited()
    {
        var code = 0;
        try
        {
            // Let the asynchronous readers drain so the tail holds the last words.
            _process.WaitForExit();
            code = _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
        }

        PidRegistry.Unregister(_process.Id);
        _exited.TrySetResult(code);
    }

    public override string ToString()
    {
        var text = new StringBuilder(Spec.FileName);
        foreach (var argument in Spec.Arguments)
        {
            text.Append(' ').Append(argument);
        }

        return text.ToString();
    }
}
