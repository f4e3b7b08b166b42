using System.Text.Json;
using CallCenter.LocalServers;
using CallCenter.Testing;

namespace CallCenter.AppHost.Tests;

/// <summary>A throwaway installation folder per test, and removal of what an installation keeps outside it.</summary>
internal static class TestInstallation
{
    public static string NewDataFolder() => Path.Combine(TestRun.NewDirectory("apphost"), "data");

    /// <summary>The AppHost keeps its Asterisk instance folder in the shared root filesystem between runs; a test's goes with the test.</summary>
    public static void Remove(string dataFolder)
    {
        var secrets = Path.Combine(dataFolder, "secrets.json");
        if (!File.Exists(secrets))
        {
            return;
        }

        var id = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(secrets))!["installation-id"];
        foreach (var folder in new[] { new AsteriskInstanceLayout(Prerequisites.AsteriskRootFilesystem, $"apphost-{id}").HostDirectory, Path.Combine("/var/lib/callcenter", id) })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    public static string Secret(string dataFolder, string name) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(dataFolder, "secrets.json")))![name];
}
