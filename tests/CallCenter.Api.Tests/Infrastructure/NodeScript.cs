using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CallCenter.LocalServers;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// Runs one of the Interop/*.cjs scripts with Node.js and the reference npm clients in .tools/node_modules. The
/// scripts print one JSON object per line; stderr goes to the test output.
/// </summary>
public static class NodeScript
{
    public static string ScriptPath(string script) => Path.Combine(AppContext.BaseDirectory, "Interop", script);

    /// <summary>Starts the script; its JSON lines arrive in <paramref name="lines"/> as it prints them.</summary>
    public static Process Start(string script, IEnumerable<string> arguments, out ChannelReader<JsonObject> lines, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Prerequisites.Node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(ScriptPath(script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NODE_PATH"] = Path.Combine(Prerequisites.ToolsDirectory, "node_modules");
        var process = Process.Start(start)!;
        var channel = Channel.CreateUnbounded<JsonObject>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                channel.Writer.TryComplete();
            }
            else if (e.Data.Length > 0)
            {
                channel.Writer.TryWrite(JsonNode.Parse(e.Data)!.AsObject());
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
            {
                TestContext.Current.TestOutputHelper?.WriteLine("node: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lines = channel.Reader;
        return process;
    }

    /// <summary>Runs the script to its end and returns its lines; fails when it exits non-zero or outlives <paramref name="timeout"/>.</summary>
    public static async Task<IReadOnlyList<JsonObject>> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        using var process = Start(script, arguments, out var lines, workingDirectory);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout);
        try
        {
            var result = new List<JsonObject>();
            await foreach (var line in lines.ReadAllAsync(cancel.Token))
            {
                result.Add(line);
            }

            await process.WaitForExitAsync(cancel.Token);
            Assert.True(process.ExitCode == 0, $"{script} exited with {process.ExitCode} (its stderr is in the test output).");
            return result;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {timeout}.");
        }
    }
}
