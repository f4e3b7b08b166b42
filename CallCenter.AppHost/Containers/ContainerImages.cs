namespace CallCenter.AppHost.Containers;

/// <summary>
/// The images container mode runs, the same major versions as the local mode (so data stays compatible). They must
/// be present before container mode is chosen: where no registry is reachable, a pull would hang the stack.
/// </summary>
internal static class ContainerImages
{
    public const string PostgresImage = "library/postgres";
    public const string PostgresTag = "15";
    public const string RedisImage = "library/redis";
    public const string RedisTag = "7.0";
    public const string AzuriteImage = "mcr.microsoft.com/azure-storage/azurite";
    public const string AzuriteTag = "3.35.0";

    /// <summary>The base of asterisk/Containerfile (its BASE_IMAGE); the Asterisk image itself is built from it.</summary>
    public const string AsteriskBaseImage = "docker.io/library/debian:sid-slim";

    /// <summary>
    /// The base eng/install-containers.sh imports from the local Asterisk root filesystem where no registry is reachable;
    /// preferred when the engine has it (it has Asterisk already, so the build downloads nothing).
    /// </summary>
    public const string LocalAsteriskBaseImage = "localhost/callcenter/asterisk-base:22";

    /// <summary>PostgreSQL, Redis and Azurite, which container mode runs as local processes when the engine lacks them.</summary>
    public static IReadOnlyList<string> Servers { get; } =
        [$"docker.io/{PostgresImage}:{PostgresTag}", $"docker.io/{RedisImage}:{RedisTag}", $"{AzuriteImage}:{AzuriteTag}"];

    public static IReadOnlyList<string> Required { get; } = [.. Servers, AsteriskBaseImage];
}
