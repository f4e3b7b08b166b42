using System.Runtime.InteropServices;

namespace CallCenter.LocalServers;

/// <summary>Sends POSIX signals; .NET's Process.Kill only knows SIGKILL, and servers deserve a graceful stop first.</summary>
public static partial class UnixSignals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    public static bool IsRoot => GetEffectiveUserId() == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
