namespace CallCenter.LocalServers;

/// <summary>
/// Where one Asterisk instance lives: a folder inside the root filesystem (so the chrooted Asterisk sees it),
/// addressed from the host (<see cref="HostPath"/>) and from inside the chroot (<see cref="ChrootPath"/>).
/// </summary>
public sealed record AsteriskInstanceLayout(string RootFilesystem, string InstanceName)
{
    private const string InstancesFolder = "var/tmp/callcenter";

    public string ChrootDirectory => $"/{InstancesFolder}/{InstanceName}";

    public string HostDirectory => Path.Combine(RootFilesystem, InstancesFolder, InstanceName);

    public string AsteriskConf => ChrootPath("etc", "asterisk.conf");

    public string HostPath(params string[] parts) => Path.Combine([HostDirectory, .. parts]);

    public string ChrootPath(params string[] parts) => string.Join('/', [ChrootDirectory, .. parts]);

    /// <summary>Instance names become folder names and config paths: keep them plain.</summary>
    public static void Validate(string instanceName)
    {
        if (instanceName.Length is 0 or > 64
            || !instanceName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Asterisk instance name '{instanceName}' must be 1-64 letters, digits, '-' or '_'.", nameof(instanceName));
        }
    }
}
