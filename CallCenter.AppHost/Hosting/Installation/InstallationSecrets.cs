using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallCenter.AppHost.Hosting.Installation;

/// <summary>
/// Secrets generated once per installation and reused on every run, so that data written by one run
/// (a PostgreSQL cluster, a softphone's saved password) keeps working with the next. Never in the repo:
/// they live in the git-ignored data folder, readable by the owner only.
/// </summary>
internal sealed record InstallationSecrets
{
    public const int AgentCount = 10;
    public const int FirstAgent = 1001;

    public required string InstallationId { get; init; }

    public required string PostgresPassword { get; init; }

    public required string RedisPassword { get; init; }

    public required string AriPassword { get; init; }

    /// <summary>Base64 of 64 random bytes, as Azure Storage account keys are.</summary>
    public required string AzuriteAccountKey { get; init; }

    /// <summary>Base64 of 32 random bytes: the HMAC-SHA256 key the API validates development tokens with.</summary>
    public required string JwtSigningKey { get; init; }

    /// <summary>SIP password per agent extension (1001-1010).</summary>
    public required IReadOnlyDictionary<string, string> AgentPasswords { get; init; }

    public static InstallationSecrets Generate() => new()
    {
        InstallationId = RandomNumberGenerator.GetHexString(8, lowercase: true),
        PostgresPassword = NewPassword(),
        RedisPassword = NewPassword(),
        AriPassword = NewPassword(),
        AzuriteAccountKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)),
        JwtSigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        AgentPasswords = Enumerable.Range(FirstAgent, AgentCount)
            .ToDictionary(agent => agent.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => NewPassword(16)),
    };

    /// <summary>Reads the installation's secrets, generating and saving them on first use.</summary>
    public static InstallationSecrets LoadOrCreate(string path, out bool created)
    {
        if (File.Exists(path))
        {
            var existing = JsonSerializer.Deserialize(File.ReadAllText(path), InstallationJsonContext.Default.InstallationSecrets)
                ?? throw new InvalidDataException($"{path} is empty; delete it or run with --reset.");
            created = false;
            return existing;
        }

        var secrets = Generate();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Create it private from the first byte rather than tightening after writing.
        using (var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            JsonSerializer.Serialize(stream, secrets, InstallationJsonContext.Default.InstallationSecrets);
        }

        created = true;
        return secrets;
    }

    /// <summary>Hex: safe in connection strings, URLs, config files and shell arguments without escaping.</summary>
    private static string NewPassword(int length = 32) => RandomNumberGenerator.GetHexString(length, lowercase: true);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InstallationSecrets))]
[JsonSerializable(typeof(InstallationState))]
internal sealed partial class InstallationJsonContext : JsonSerializerContext;
