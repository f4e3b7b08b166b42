using Azure.Identity;
using Azure.Storage.Blobs;
using CallCenter.BlobStorage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>The blob client registration the API and the persistence worker share, in the shape of Aspire's client integrations.</summary>
public static class BlobStorageExtensions
{
    /// <summary>
    /// Registers one <see cref="BlobServiceClient"/> singleton for ConnectionStrings:<paramref name="connectionName"/>
    /// (see <see cref="BlobStorageSettings.ParseConnectionString"/>) and, unless disabled, a health check named after the connection.
    /// The account is not contacted until the client is first used.
    /// </summary>
    public static void AddBlobServiceClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<BlobStorageSettings>? configureSettings = null,
        Action<BlobClientOptions>? configureClientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = new BlobStorageSettings();
        builder.Configuration.GetSection(BlobStorageSettings.SectionName).Bind(settings);
        settings.ParseConnectionString(builder.Configuration.GetConnectionString(connectionName));
        configureSettings?.Invoke(settings);

        builder.Services.AddSingleton(_ => CreateClient(settings, connectionName, configureClientOptions));
        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().AddCheck<BlobStorageHealthCheck>(connectionName, timeout: settings.HealthCheckTimeout);
        }
    }

    private static BlobServiceClient CreateClient(BlobStorageSettings settings, string connectionName, Action<BlobClientOptions>? configureClientOptions)
    {
        var options = new BlobClientOptions();
        configureClientOptions?.Invoke(options);
        if (!string.IsNullOrEmpty(settings.ConnectionString))
        {
            return new BlobServiceClient(settings.ConnectionString, options);
        }

        if (settings.ServiceUri is not { } uri)
        {
            throw new InvalidOperationException(
                $"Blob storage is not configured: set ConnectionStrings:{connectionName} to a storage connection string or the account's blob URL.");
        }

        // A SAS URL authenticates by itself; a plain endpoint needs a token.
        return string.IsNullOrEmpty(uri.Query)
            ? new BlobServiceClient(uri, settings.Credential ?? new DefaultAzureCredential(), options)
            : new BlobServiceClient(uri, options);
    }
}
