namespace CallCenter.LocalServers;

/// <summary>
/// Where the locally installed servers live. Everything is found from conventional Debian paths and
/// the folders eng/install-prereqs.sh fills, each overridable by an environment variable.
/// </summary>
public static class Prerequisites
{
    public const string InstallCommand = "sudo eng/install-prereqs.sh";

    public static string PostgresBinDirectory =>
        Environment.GetEnvironmentVariable("CALLCENTER_PG_BIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";

    public static string RedisServer => FindOnPath("redis-server") ?? throw Missing("Redis server (redis-server)");

    public static string Sipp => FindOnPath("sipp") ?? throw Missing("sipp (Debian package sip-tester)");

    public static string Node => FindOnPath("node") ?? throw Missing("Node.js (node)");

    /// <summary>Project-local tools installed by npm (Azurite, the graphql-ws client used in tests).</summary>
    public static string ToolsDirectory =>
        Environment.GetEnvironmentVariable("CALLCENTER_TOOLS") is { Length: > 0 } tools
            ? tools
            : Path.Combine(RepositoryRoot, ".tools");

    public static string AzuriteBlobScript
    {
        get
        {
            var script = Path.Combine(ToolsDirectory, "node_modules", "azurite", "dist", "src", "blob", "main.js");
            return File.Exists(script) ? script : throw Missing($"Azurite (npm, expected at {script})");
        }
    }

    /// <summary>The Debian unstable root filesystem that holds Asterisk 22.</summary>
    public static string AsteriskRootFilesystem
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("CALLCENTER_ASTERISK_ROOTFS") is { Length: > 0 } configured
                ? configured
                : Path.Combine(CacheDirectory, "asterisk-rootfs");
            return File.Exists(Path.Combine(root, "usr", "sbin", "asterisk"))
                ? root
                : throw Missing($"The Asterisk root filesystem (expected at {root})");
        }
    }

    public static string CacheDirectory =>
        Environment.GetEnvironmentVariable("CALLCENTER_CACHE") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "callcenter");

    /// <summary>The checkout this code runs from (the folder holding CallCenter.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            if (Environment.GetEnvironmentVariable("CALLCENTER_REPO_ROOT") is { Length: > 0 } configured)
            {
                return configured;
            }

            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CallCenter.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException(
                "Cannot find the CallCenter checkout (no CallCenter.sln above the program). Set CALLCENTER_REPO_ROOT.");
        }
    }

    public static string PostgresBinary(string name)
    {
        var path = Path.Combine(PostgresBinDirectory, name);
        return File.Exists(path) ? path : throw Missing($"PostgreSQL 15 ({path})");
    }

    private static MissingPrerequisiteException Missing(string what) => new(what, InstallCommand);

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
    }
}
