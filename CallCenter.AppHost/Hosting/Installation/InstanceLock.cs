namespace CallCenter.AppHost.Hosting.Installation;

/// <summary>
/// One AppHost per data folder: two would start two PostgreSQL clusters on the same files. The lock is an
/// exclusive open of `apphost.lock` (an flock), released by the kernel whichever way the process ends.
/// </summary>
internal sealed class InstanceLock : IDisposable
{
    private readonly FileStream _stream;

    private InstanceLock(FileStream stream)
    {
        _stream = stream;
    }

    public static InstanceLock Acquire(DataFolder dataFolder)
    {
        Directory.CreateDirectory(dataFolder.Root);
        try
        {
            var stream = new FileStream(dataFolder.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            // The locked file cannot be read by others (flock), so the holder's pid goes beside it.
            File.WriteAllText(PidFile(dataFolder), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new InstanceLock(stream);
        }
        catch (IOException)
        {
            var holder = File.Exists(PidFile(dataFolder)) ? File.ReadAllText(PidFile(dataFolder)).Trim() : "?";
            throw new MissingPrerequisitesException(
                $"Another AppHost (pid {holder}) is already running with the data folder {dataFolder.Root}. Stop it first, or use --data-dir for a second installation.");
        }
    }

    public void Dispose() => _stream.Dispose();

    private static string PidFile(DataFolder dataFolder) => Path.Combine(dataFolder.Root, "apphost.pid");
}
