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

    /// <summary>
    /// The key the API signs recording download links with (64 hex characters, 256 bits). Kept here so links
    /// handed out before an API restart still work after it. Not required: installations made before it
    /// existed get one on their next start.
    /// </summary>
    public string RecordingLinkSigningKey { get; init; } = "";

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
        RecordingLinkSigningKey = NewPassword(64),
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
            // Absent from the file, the source-generated reader leaves it null despite the initializer.
            if (string.IsNullOrEmpty(existing.RecordingLinkSigningKey))
            {
                // Written by an AppHost from before this secret existed: add it, keep everything else.
                existing = existing with { RecordingLinkSigningKey = NewPassword(64) };
                Save(path, existing, FileMode.Create);
            }

            return existing;
        }

        var secrets = Generate();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Save(path, secrets, FileMode.CreateNew);
        created = true;
        return secrets;
    }

    private static void Save(string path, InstallationSecrets secrets, FileMode mode)
    {
        // Private from the first byte rather than tightened after writing; an update goes through a
        // temporary file so that a crash never leaves a half-written secrets file.
        var target = mode == FileMode.CreateNew ? path : path + ".tmp";
        using (var stream = new FileStream(target, new FileStreamOptions
        {
            Mode = mode,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        }))
        {
            JsonSerializer.Serialize(stream, secrets, InstallationJsonContext.Default.InstallationSecrets);
        }

        if (target != path)
        {
            File.Move(target, path, overwrite: true);
        }
    }

    /// <summary>Hex: safe in connection strings, URLs, config files and shell arguments without escaping.</summary>
    private static string NewPassword(int length = 32) => RandomNumberGenerator.GetHexString(length, lowercase: true);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InstallationSecrets))]
[JsonSerializable(typeof(InstallationState))]
internal sealed partial class InstallationJsonContext : JsonSerializerContext;
