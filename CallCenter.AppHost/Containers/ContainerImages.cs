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

    /// <summary>The base of asterisk/Containerfile; the Asterisk image itself is built from it.</summary>
    public const string AsteriskBaseImage = "docker.io/library/debian:sid-slim";

    public static IReadOnlyList<string> Required { get; } =
        [$"docker.io/{PostgresImage}:{PostgresTag}", $"docker.io/{RedisImage}:{RedisTag}", $"{AzuriteImage}:{AzuriteTag}", AsteriskBaseImage];
}
