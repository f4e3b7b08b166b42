using System.Security.Cryptography;
using CallCenter.AppHost.Hosting;
using CallCenter.AppHost.Hosting.Containers;
using CallCenter.AppHost.Hosting.Installation;
using CallCenter.AppHost.Hosting.Output;

namespace CallCenter.AppHost.Tests;

/// <summary>Run contexts over throwaway data folders, for binding resources without starting anything.</summary>
internal static class TestContexts
{
    private static readonly Lazy<string> Root = new(CreateRoot);

    /// <summary>A new folder under this test process's root, which is removed when the process exits.</summary>
    public static string NewFolder()
    {
        var path = Path.Combine(Root.Value, RandomNumberGenerator.GetHexString(8, lowercase: true));
        Directory.CreateDirectory(path);
        return path;
    }

    private static string CreateRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), $"callcenter-apphost-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A server may still be flushing; /tmp is cleaned eventually.
            }
        };
        return root;
    }

    public static RunContext Container(InstallationSecrets? secrets = null, string? dataFolder = null)
    {
        var state = new InstallationState();
        return new RunContext(
            new AppHostOptions { Mode = ExecutionMode.Container },
            new DataFolder(dataFolder ?? NewFolder()),
            secrets ?? InstallationSecrets.Generate(),
            state,
            new PortAssignments(state, _ => { }),
            ExecutionMode.Container,
            ContainerRuntime.Docker,
            new ConsoleOutput());
    }
}
