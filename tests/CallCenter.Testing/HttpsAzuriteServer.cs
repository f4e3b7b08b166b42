using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CallCenter.LocalServers;

namespace CallCenter.Testing;

/// <summary>
/// Azurite's blob service over HTTPS with its basic OAuth on (bearer tokens are checked for issuer, audience and
/// lifetime, not signature; Azurite takes bearer tokens only over HTTPS), so a client can reach it the way the
/// deployed services reach Azure Storage: by the account's URL with a token credential. Its certificate is
/// self-signed per instance; <see cref="CreateTrustingTransport"/> trusts exactly that one.
/// </summary>
public sealed class HttpsAzuriteServer(string dataDirectory, int blobPort, Action<string, string> output)
    : LocalServer("azurite-https", dataDirectory, output)
{
    private readonly X509Certificate2 _certificate = CreateCertificate(dataDirectory);

    public int BlobPort { get; } = blobPort;

    /// <summary>The account's blob endpoint, as infra/main.bicep gives it to the services.</summary>
    public Uri BlobServiceUri => new($"https://127.0.0.1:{BlobPort}/{AzuriteServer.AccountName}");

    /// <summary>An HttpClient transport for the Azure SDK that accepts this server's certificate and no other.</summary>
    public Azure.Core.Pipeline.HttpClientTransport CreateTrustingTransport() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _certificate.Thumbprint,
    });

    // No shared key is used here, but Azurite needs an account; the key is throwaway.
    public override LocalProcessSpec CreateSpec() => AzuriteServer.BlobServiceSpec(
        Name,
        BlobPort,
        DataDirectory,
        AzuriteServer.GenerateAccountKey(),
        "--cert", Path.Combine(DataDirectory, "cert.pem"),
        "--key", Path.Combine(DataDirectory, "key.pem"),
        "--oauth", "basic");

    public override Task<bool> ProbeAsync(CancellationToken cancellationToken) => Readiness.TcpAcceptsAsync(BlobPort, cancellationToken);

    public override string Describe() => BlobServiceUri.AbsoluteUri;

    protected override ValueTask OnDisposedAsync()
    {
        _certificate.Dispose();
        return ValueTask.CompletedTask;
    }

    private static X509Certificate2 CreateCertificate(string directory)
    {
        Directory.CreateDirectory(directory);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }
}
