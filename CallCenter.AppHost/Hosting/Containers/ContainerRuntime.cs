using System.Diagnostics;

namespace CallCenter.AppHost.Hosting.Containers;

/// <summary>Docker or Podman: the same command line for everything the AppHost does with containers.</summary>
public sealed record ContainerRuntime(string Name, string Executable)
{
    public static readonly ContainerRuntime Docker = new("docker", "docker");
    public static readonly ContainerRuntime Podman = new("podman", "podman");

    /// <summary>
    /// The first engine that answers (`docker info` / `podman info` succeed within a few seconds), or
    /// null. A client without a running engine (as on machines without one) does not count.
    /// </summary>
    public static async Task<ContainerRuntime?> DetectAsync(CancellationToken cancellationToken)
    {
        foreach (var runtime in new[] { Docker, Podman })
        {
            if (await runtime.AnswersAsync(cancellationToken).ConfigureAwait(false))
            {
                return runtime;
            }
        }

        return null;
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "info", "--format", "{{.ServerVersion}}" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process? process;
        try
        {
            process = Process.Start(startInfo);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // Not installed.
        }

        if (process is null)
        {
            return false;
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
                _ = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                return process.ExitCode == 0;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                return false;
            }
        }
    }
}
