using System.Reflection;

namespace CallCenter.Deployment.Tests;

/// <summary>What the build of this test project knew: its configuration and where restore put the Bicep CLI.</summary>
internal static class BuildInfo
{
    public static string Configuration => Metadata(nameof(Configuration));

    public static string BicepCli => Metadata(nameof(BicepCli));

    private static string Metadata(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build recorded no {key}.");
}
