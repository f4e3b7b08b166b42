namespace CallCenter.LocalServers;

/// <summary>
/// Records the PID of every live child in the folder named by CALLCENTER_PID_REGISTRY (when set),
/// so a test run can prove afterwards that no server process was left behind, and stop exactly
/// the processes it started if one was.
/// </summary>
public static class PidRegistry
{
    public const string EnvironmentVariable = "CALLCENTER_PID_REGISTRY";

    private static string? Folder => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } folder
        ? folder
        : null;

    public static void Register(int pid, LocalProcessSpec spec)
    {
        if (Folder is not { } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{spec.Name} {spec.FileName}\n");
    }

    public static void Unregister(int pid)
    {
        if (Folder is not { } folder)
        {
            return;
        }

        File.Delete(Path.Combine(folder, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
