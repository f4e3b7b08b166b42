using System.Globalization;
using System.Text;

namespace CallCenter.LocalServers;

/// <summary>
/// Writes one Asterisk instance's configuration: the repository's asterisk/ files, an asterisk.conf whose
/// [directories] point into the instance folder, and the generated includes (callcenter-generated/*.conf)
/// that carry everything installation-specific — ports, the trunk's address, passwords.
/// </summary>
public static class AsteriskConfiguration
{
    /// <summary>The folder (inside the instance's etc) the shipped configuration includes generated files from.</summary>
    public const string GeneratedFolder = "callcenter-generated";

    /// <summary>The shipped files (…-pjsip.conf, …-extensions.conf) the generated includes pull in when the simulated provider runs.</summary>
    private const string SimulatedProviderFile = "simulated-provider";

    /// <summary>The repository's asterisk/ folder, or CALLCENTER_ASTERISK_CONFIG.</summary>
    public static string DefaultSourceDirectory =>
        Environment.GetEnvironmentVariable("CALLCENTER_ASTERISK_CONFIG") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Prerequisites.RepositoryRoot, "asterisk");

    /// <summary>Copies the shipped configuration and writes the generated parts into <paramref name="layout"/>.</summary>
    public static void Write(string sourceDirectory, AsteriskInstanceLayout layout, AsteriskInstanceSettings settings)
    {
        if (!File.Exists(Path.Combine(sourceDirectory, "extensions.conf")))
        {
            throw new InvalidOperationException($"No Asterisk configuration in {sourceDirectory} (expected the repository's asterisk/ folder).");
        }

        // A fresh etc on every start: a restart picks up edited configuration, stale generated files never linger.
        if (Directory.Exists(layout.HostPath("etc")))
        {
            Directory.Delete(layout.HostPath("etc"), recursive: true);
        }

        foreach (var folder in new[] { "etc", Path.Combine("etc", GeneratedFolder), Path.Combine("spool", "recording"), "run", "log", "db" })
        {
            Directory.CreateDirectory(layout.HostPath(folder));
        }

        foreach (var file in Directory.EnumerateFiles(sourceDirectory, "*.conf"))
        {
            if (Path.GetFileName(file) != "asterisk.conf")
            {
                File.Copy(file, layout.HostPath("etc", Path.GetFileName(file)));
            }
        }

        var shippedOptions = File.ReadAllText(Path.Combine(sourceDirectory, "asterisk.conf"));
        File.WriteAllText(layout.HostPath("etc", "asterisk.conf"), Directories(layout) + shippedOptions);

        WriteIncludes(layout.HostPath("etc", GeneratedFolder), settings);
    }

    /// <summary>
    /// Writes the generated includes alone into <paramref name="directory"/>: what the Asterisk image (asterisk/Containerfile)
    /// is given at run time, mounted at /etc/asterisk/callcenter-generated, next to the configuration it ships.
    /// </summary>
    public static void WriteIncludes(string directory, AsteriskInstanceSettings settings)
    {
        Directory.CreateDirectory(directory);
        WriteGenerated(directory, "http.conf", Http(settings));
        WriteGenerated(directory, "ari-users.conf", AriUsers(settings));
        WriteGenerated(directory, "pjsip.conf", Pjsip(settings));
        WriteGenerated(directory, "extensions.conf", Extensions(settings));
    }

    public static string Directories(AsteriskInstanceLayout layout) =>
        $"""
        ; Written by CallCenter's local launcher: this instance's own folders inside the shared root filesystem.
        [directories]
        astetcdir => {layout.ChrootPath("etc")}
        astspooldir => {layout.ChrootPath("spool")}
        astrundir => {layout.ChrootPath("run")}
        astlogdir => {layout.ChrootPath("log")}
        astdbdir => {layout.ChrootPath("db")}


        """;

    public static string Http(AsteriskInstanceSettings settings) =>
        $"""
        [general](+)
        bindaddr = {settings.HttpBindAddress}
        bindport = {settings.HttpPort.ToString(CultureInfo.InvariantCulture)}

        """;

    public static string AriUsers(AsteriskInstanceSettings settings) =>
        $"""
        [{AsteriskServer.AriUser}](+)
        password = {settings.Secrets.AriPassword}

        """;

    public static string Pjsip(AsteriskInstanceSettings settings)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            [transport-udp](+)
            bind = {settings.SipBindAddress}:{settings.SipPort}

            [trunk-aor](+)
            contact = {TrunkContact(settings)}

            [trunk-identify](+)
            match = {settings.TrunkHost}

            """);
        if (settings.SimulatedProviderPort is { } providerPort)
        {
            // Only requests sent to the provider's own port carry it in their Request-URI: that tells the trunk's
            // calls to the provider apart from everything else arriving from 127.0.0.1.
            text.Append(CultureInfo.InvariantCulture, $"""

                #include "{SimulatedProviderFile}-pjsip.conf"

                [transport-simulated-provider](+)
                bind = 127.0.0.1:{providerPort}

                [simulated-provider-identify](+)
                match_request_uri = /@127\.0\.0\.1:{providerPort}([^0-9]|$)/

                """);
        }

        foreach (var (extension, password) in settings.Secrets.AgentPasswords.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"""

                [{extension}-auth](+)
                password = {password}

                """);
        }

        return text.ToString();
    }

    /// <summary>Where the trunk sends outbound calls: the simulated provider when it runs, else the configured provider/router.</summary>
    public static string TrunkContact(AsteriskInstanceSettings settings) => settings.SimulatedProviderPort is { } providerPort
        ? $"sip:127.0.0.1:{providerPort.ToString(CultureInfo.InvariantCulture)}"
        : $"sip:{settings.TrunkHost}:{settings.TrunkPort.ToString(CultureInfo.InvariantCulture)}";

    public static string Extensions(AsteriskInstanceSettings settings)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            [globals](+)
            TEST_AGENT_URI = {settings.TestAgentUri ?? string.Empty}

            """);
        if (settings.SimulatedProviderPort is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                SIMULATED_PROVIDER_RING_SECONDS = {settings.SimulatedProviderRingSeconds}

                #include "{SimulatedProviderFile}-extensions.conf"

                """);
        }

        return text.ToString();
    }

    private static void WriteGenerated(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, "; Generated by CallCenter's local launcher for this instance. Do not edit.\n" + content);
        // Passwords: readable by the owner (Asterisk runs as root in the root filesystem) only.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
