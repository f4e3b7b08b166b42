using System.Security.Cryptography;
using CallCenter.AppHost.Hosting;
using CallCenter.AppHost.Hosting.Containers;
using CallCenter.AppHost.Hosting.Installation;
using CallCenter.AppHost.Hosting.Output;

namespace CallCenter.AppHost.Tests;

/// <summary>Run contexts over throwaway data folders, for binding resources without starting anything.</summary>
internal static class TestContexts
{
    public static string NewFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), $"callcenter-apphost-tests-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
        Directory.CreateDirectory(path);
        return path;
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
