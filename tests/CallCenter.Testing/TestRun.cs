using System.Security.Cryptography;
using CallCenter.LocalServers;

namespace CallCenter.Testing;

/// <summary>
/// Per-process test run state: a throwaway folder for server data, and one log that every server
/// writes its output to (CALLCENTER_TEST_LOG, else a file in the run folder). eng/test.sh prints the
/// servers' "ready" lines from it, so the output shows which real servers a run started.
/// </summary>
public static class TestRun
{
    private static readonly Lock LogGate = new();
    private static readonly Lazy<string> LazyRoot = new(CreateRoot);
    private static readonly Lazy<StreamWriter> LazyLog = new(OpenLog);

    /// <summary>Root of this process's throwaway server folders (deleted when the process exits).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A new, empty folder under <see cref="Root"/>.</summary>
    public static string NewDirectory(string name)
    {
        var path = Path.Combine(Root, $"{name}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}");
        Directory.CreateDirectory(path);
        // Servers that drop privileges (PostgreSQL as `postgres`) must be able to traverse it.
        MakeTraversable(path);
        return path;
    }

    /// <summary>Where <see cref="Log"/> writes: CALLCENTER_TEST_LOG, else servers.log in <see cref="Root"/>.</summary>
    public static string LogPath => Environment.GetEnvironmentVariable("CALLCENTER_TEST_LOG") is { Length: > 0 } configured
        ? configured
        : Path.Combine(Root, "servers.log");

    public static string NewSecret() => RandomNumberGenerator.GetHexString(24, lowercase: true);

    /// <summary>Output sink for <see cref="LocalProcess"/>: one line, prefixed with the server's name.</summary>
    public static void Log(string source, string line)
    {
        lock (LogGate)
        {
            LazyLog.Value.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} [{source}] {line}");
        }
    }

    private static void MakeTraversable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }
    }

    private static string CreateRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), $"callcenter-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        MakeTraversable(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    }

    private static StreamWriter OpenLog()
    {
        var path = LogPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be flushing; the OS cleans /tmp eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
