using System.Diagnostics;

namespace CallCenter.AppHost.Setup;

/// <summary>
/// Finds a container engine that can run the stack: Docker or Podman answering `info`, with every image the
/// container mode needs already present. An engine that answers but cannot pull (no reachable registry) would
/// leave container resources waiting forever, so missing images count as no engine.
/// </summary>
internal static class ContainerEngine
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The engine to use, or null with the reason why none fits.</summary>
    public static (string? Engine, string Reason) Find(IReadOnlyList<string> images)
    {
        var reasons = new List<string>();
        foreach (var engine in Candidates())
        {
            if (!Succeeds(engine, ["info"]))
            {
                reasons.Add($"{engine} does not answer");
                continue;
            }

            var missing = images.Where(image => !HasImage(engine, image)).ToList();
            if (missing.Count == 0)
            {
                return (engine, $"{engine} answers and has the images");
            }

            reasons.Add($"{engine} lacks the image(s) {string.Join(", ", missing)}");
        }

        return (null, reasons.Count == 0 ? "no docker or podman installed" : string.Join("; ", reasons));
    }

    /// <summary>The first engine that answers <c>info</c>, or null.</summary>
    public static string? Answering() => Candidates().FirstOrDefault(engine => Succeeds(engine, ["info"]));

    public static bool HasImage(string engine, string image) => Succeeds(engine, ["image", "inspect", image]);

    /// <summary>ASPIRE_CONTAINER_RUNTIME, when set, names the only engine Aspire would use.</summary>
    private static IEnumerable<string> Candidates() =>
        Environment.GetEnvironmentVariable(RuntimeVariable) is { Length: > 0 } configured
            ? [configured]
            : ["docker", "podman"];

    /// <summary>Tells Aspire (and DCP) which engine was chosen; Aspire's default is docker.</summary>
    public const string RuntimeVariable = "ASPIRE_CONTAINER_RUNTIME";

    private static bool Succeeds(string fileName, string[] arguments)
    {
        try
        {
            var startInfo = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var process = Process.Start(startInfo)!;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
