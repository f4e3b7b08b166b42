using System.Globalization;

namespace CallCenter.LocalServers;

/// <summary>
/// Azurite's blob service (npm, installed project-locally). Azure.Storage.Blobs 12.30 speaks a newer
/// API version than Azurite 3.37 knows, hence --skipApiVersionCheck. The account key is generated per
/// installation (AZURITE_ACCOUNTS) rather than Azurite's well-known one.
/// </summary>
public sealed class AzuriteServer(string dataDirectory, int blobPort, string accountKey, Action<string, string> output)
    : LocalServer("azurite", dataDirectory, output)
{
    public const string AccountName = "callcenter";

    /// <summary>A base64 key as Azure Storage expects, for <see cref="AzuriteServer"/>'s constructor.</summary>
    public static string GenerateAccountKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));

    public string AccountKey { get; } = accountKey;

    public int BlobPort { get; } = blobPort;

    public string BlobEndpoint => $"http://127.0.0.1:{BlobPort}/{AccountName}";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    public override LocalProcessSpec CreateSpec() => BlobServiceSpec(Name, BlobPort, DataDirectory, AccountKey);

    /// <summary>Azurite's blob service on 127.0.0.1 for the account <see cref="AccountName"/>, plus <paramref name="options"/> (TLS, OAuth).</summary>
    public static LocalProcessSpec BlobServiceSpec(string name, int blobPort, string dataDirectory, string accountKey, params string[] options) => new(
        name,
        Prerequisites.Node,
        [
            Prerequisites.AzuriteBlobScript,
            "--blobHost", "127.0.0.1",
            "--blobPort", blobPort.ToString(CultureInfo.InvariantCulture),
            "--location", dataDirectory,
            .. options,
            "--skipApiVersionCheck",
            "--silent",
        ])
    {
        Environment = new Dictionary<string, string> { ["AZURITE_ACCOUNTS"] = $"{AccountName}:{accountKey}" },
    };

    public override Task<bool> ProbeAsync(CancellationToken cancellationToken) =>
        Readiness.TcpAcceptsAsync(BlobPort, cancellationToken);

    public override string Describe() => BlobEndpoint;
}
