using CallCenter.LocalServers;

namespace CallCenter.Deployment.Tests.Containers;

/// <summary>The container engine these tests run images with: Debian's podman, as root, configured by eng/install-containers.sh.</summary>
public static class Podman
{
    /// <summary>Why the container tests skip on a machine without podman.</summary>
    public const string SkipReason =
        "podman is not installed: the container tests need it (sudo eng/install-prereqs.sh --containers installs and configures it; eng/test.sh does so unless CALLCENTER_CONTAINERS=0)";

    /// <summary>For <c>SkipUnless</c>: podman is on PATH.</summary>
    public static bool IsInstalled =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, "podman")));

    /// <summary>Runs one podman command to completion and returns what it printed (fails with its output).</summary>
    public static async Task<string> RunAsync(params string[] arguments) =>
        (await CommandRunner.RunAsync("podman", arguments, CancellationToken.None)).Trim();

    public static async Task<bool> ImageExistsAsync(string image)
    {
        try
        {
            await RunAsync("image", "exists", image);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>One field of <c>podman image inspect</c>, e.g. <c>{{.Config.User}}</c> or <c>{{.Size}}</c>.</summary>
    public static Task<string> InspectImageAsync(string image, string format) => RunAsync("image", "inspect", "--format", format, image);

    /// <summary>Removes a container whatever its state; a container that is already gone is fine.</summary>
    public static async Task RemoveContainerAsync(string name)
    {
        try
        {
            await RunAsync("rm", "--force", "--time", "0", "--ignore", name);
        }
        catch (InvalidOperationException)
        {
            // Nothing to remove.
        }
    }
}
