namespace CallCenter.LocalServers;

/// <summary>A server binary or root filesystem is not installed; the message names the command that installs it.</summary>
public sealed class MissingPrerequisiteException(string what, string installCommand)
    : Exception($"{what} is not installed. Install it with: {installCommand}")
{
    public string What { get; } = what;

    public string InstallCommand { get; } = installCommand;
}
