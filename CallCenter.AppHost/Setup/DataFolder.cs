using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CallCenter.AppHost.Setup;

/// <summary>
/// The installation folder (.callcenter/ in the checkout, git-ignored): secrets.json with the generated secrets,
/// data/&lt;resource&gt;/ with each server's data, endpoints.json while the stack runs. Kept between runs; --reset wipes it.
/// </summary>
internal sealed class DataFolder
{
    private readonly string _secretsFile;
    private readonly Dictionary<string, string> _secrets;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Lock _gate = new();

    public DataFolder(string root)
    {
        Root = root;
        Directory.CreateDirectory(root);
        _secretsFile = Path.Combine(root, "secrets.json");
        _secrets = File.Exists(_secretsFile) ? Read(_secretsFile) : [];
    }

    public string Root { get; }

    public string EndpointsFile => Path.Combine(Root, "endpoints.json");

    /// <summary>A short stable id of this installation: names its Asterisk instance and any folder kept outside.</summary>
    public string InstallationId => Secret("installation-id", () => RandomNumberGenerator.GetHexString(8, lowercase: true));

    public string ResourceDirectory(string resource) => Path.Combine(Root, "data", resource);

    /// <summary>The stored value of <paramref name="name"/>, generated (and stored, owner-only) on first use.</summary>
    public string Secret(string name, Func<string>? generate = null)
    {
        lock (_gate)
        {
            if (!_secrets.TryGetValue(name, out var value))
            {
                value = (generate ?? NewPassword)();
                _secrets[name] = value;
                // Owner-only from the first byte.
                using var stream = new FileStream(_secretsFile, new FileStreamOptions
                {
                    Mode = FileMode.Create,
                    Access = FileAccess.Write,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
                JsonSerializer.Serialize(stream, _secrets, Indented);
            }

            return value;
        }
    }

    /// <summary>
    /// The secrets, by parameter name. A file written by the AppHost before Aspire (camelCase names, the agents'
    /// passwords nested) is read too, so that an existing installation keeps its data and softphone accounts.
    /// </summary>
    private static Dictionary<string, string> Read(string file)
    {
        var secrets = new Dictionary<string, string>();
        foreach (var (name, value) in JsonNode.Parse(File.ReadAllText(file))?.AsObject() ?? [])
        {
            if (value is JsonObject agents)
            {
                foreach (var (extension, password) in agents)
                {
                    secrets[$"agent-{extension}-sip-password"] = password!.GetValue<string>();
                }
            }
            else if (value?.GetValue<string>() is { Length: > 0 })
            {
                secrets[PreviousNames.GetValueOrDefault(name, name)] = value!.GetValue<string>();
            }
        }

        return secrets;
    }

    private static readonly Dictionary<string, string> PreviousNames = new()
    {
        ["installationId"] = "installation-id",
        ["postgresPassword"] = "postgres-password",
        ["redisPassword"] = "redis-password",
        ["ariPassword"] = "ari-password",
        ["azuriteAccountKey"] = "storage-key",
        ["jwtSigningKey"] = "jwt-signing-key",
        ["recordingLinkSigningKey"] = "recording-link-key",
    };

    /// <summary>Hex: safe in connection strings, Asterisk's configuration and softphone forms.</summary>
    public static string NewPassword() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>A 256-bit key, base64, as the API's signing keys are configured.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A 512-bit account key, base64, as Azure Storage (and Azurite) expect.</summary>
    public static string NewStorageKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

    /// <summary>--reset: removes the folder and whatever the installation keeps elsewhere.</summary>
    public static void Wipe(string root, IEnumerable<string> keptElsewhere)
    {
        foreach (var folder in keptElsewhere.Append(root).Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
