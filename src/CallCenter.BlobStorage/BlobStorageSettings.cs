using Azure.Core;

namespace CallCenter.BlobStorage;

/// <summary>
/// Where the blob account is and how to reach it. Bound from the same section Aspire.Azure.Storage.Blobs reads
/// (<see cref="SectionName"/>), so configuration carries over when that package replaces this library.
/// </summary>
public sealed class BlobStorageSettings
{
    public const string SectionName = "Aspire:Azure:Storage:Blobs";

    /// <summary>A storage connection string (Azurite, or an account key).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's blob endpoint (https://&lt;account&gt;.blob.core.windows.net/), reached with <see cref="Credential"/>.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>Used with <see cref="ServiceUri"/>; <c>DefaultAzureCredential</c> (managed identity, developer sign-in) when not set.</summary>
    public TokenCredential? Credential { get; set; }

    public bool DisableHealthChecks { get; set; }

    /// <summary>How long /health waits for the account before reporting it unhealthy.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Reads ConnectionStrings:&lt;name&gt;: an absolute http(s) URL is the account's blob endpoint (a SAS URL carries its own
    /// token), anything else a storage connection string.
    /// </summary>
    internal void ParseConnectionString(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            ServiceUri = uri;
        }
        else
        {
            ConnectionString = value;
        }
    }
}
