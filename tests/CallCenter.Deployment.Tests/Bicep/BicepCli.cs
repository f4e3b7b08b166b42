using CallCenter.LocalServers;

namespace CallCenter.Deployment.Tests.Bicep;

/// <summary>The Bicep compiler restored from NuGet (Azure.Bicep.CommandLine.linux-x64), run on the repository's template.</summary>
internal static class BicepCli
{
    public static string MainTemplate => Path.Combine(Prerequisites.RepositoryRoot, "infra", "main.bicep");

    /// <summary>Runs <c>bicep &lt;arguments&gt;</c> and returns what it printed; a non-zero exit (an error) fails with its output.</summary>
    public static async Task<string> RunAsync(params string[] arguments)
    {
        var cli = BuildInfo.BicepCli;
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The Bicep CLI is not at {cli}: restore this test project (it downloads Azure.Bicep.CommandLine.linux-x64).");
        }

        // NuGet packages are zips: the executable bit does not survive extraction.
        File.SetUnixFileMode(cli, File.GetUnixFileMode(cli) | UnixFileMode.UserExecute);
        return (await CommandRunner.RunAsync(cli, arguments, TestContext.Current.CancellationToken)).Trim();
    }
}
