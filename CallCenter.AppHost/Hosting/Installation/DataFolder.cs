using CallCenter.LocalServers;

namespace CallCenter.AppHost.Hosting.Installation;

/// <summary>
/// The per-installation folder (default: `.callcenter/` in the checkout, git-ignored): generated secrets,
/// chosen ports, every resource's data and the endpoints document for tools. Kept between runs;
/// <c>--reset</c> wipes it.
/// </summary>
internal sealed class DataFolder
{
    public const string DefaultName = ".callcenter";
    public const string EnvironmentVariable = "CALLCENTER_DATA";

    public DataFolder(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string SecretsFile => Path.Combine(Root, "secrets.json");

    public string StateFile => Path.Combine(Root, "state.json");

    public string EndpointsFile => Path.Combine(Root, "endpoints.json");

    public string LockFile => Path.Combine(Root, "apphost.lock");

    public string LogsDirectory => Path.Combine(Root, "logs");

    /// <summary>The data folder of one resource (created on first use).</summary>
    public string ResourceDirectory(string resourceName) => Path.Combine(Root, "data", resourceName);

    /// <summary>The folder given on the command line, else CALLCENTER_DATA, else `.callcenter/` in the checkout.</summary>
    public static DataFolder Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new DataFolder(configured);
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return new DataFolder(fromEnvironment);
        }

        return new DataFolder(Path.Combine(Prerequisites.RepositoryRoot, DefaultName));
    }

    public void Create()
    {
        Directory.CreateDirectory(Root);
        // Servers that drop privileges (PostgreSQL runs as `postgres` when we are root) must traverse it;
        // the secrets file itself is private.
        File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        File.SetUnixFileMode(Path.Combine(Root, "data"), (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(LogsDirectory);
    }

    /// <summary>Deletes everything the installation kept: data, secrets, state (and folders kept elsewhere on its behalf).</summary>
    public void Wipe(IEnumerable<string> externalFolders)
    {
        foreach (var folder in externalFolders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        if (!Directory.Exists(Root))
        {
            return;
        }

        // Everything but the lock this process holds.
        foreach (var entry in new DirectoryInfo(Root).EnumerateFileSystemInfos())
        {
            if (entry.FullName == LockFile || entry.Name == "apphost.pid")
            {
                continue;
            }

            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
    }
}
