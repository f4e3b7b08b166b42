using System.Text.RegularExpressions;

namespace CallCenter.Ari.Connection;

/// <summary>Builds the events WebSocket address and the form of it that is safe to log.</summary>
public static partial class AriEventsUri
{
    public static Uri Build(AriOptions options)
    {
        var baseUrl = options.NormalizedBaseUrl;
        var scheme = baseUrl.Scheme == Uri.UriSchemeHttps || baseUrl.Scheme == "wss" ? "wss" : "ws";
        var builder = new UriBuilder(new Uri(baseUrl, "events")) { Scheme = scheme, Port = baseUrl.Port };
        var query = $"app={Uri.EscapeDataString(options.Application)}&subscribeAll={(options.SubscribeAll ? "true" : "false")}";
        if (options.UseApiKeyQueryForEvents)
        {
            query += $"&api_key={Uri.EscapeDataString(options.Username)}:{Uri.EscapeDataString(options.Password)}";
        }

        builder.Query = query;
        return builder.Uri;
    }

    /// <summary>Replaces the api_key value (user:password) so the URL can be logged or shown.</summary>
    public static string Redact(Uri uri) => Redact(uri.AbsoluteUri);

    public static string Redact(string url) => ApiKeyValue().Replace(url, "$1***");

    [GeneratedRegex("([?&]api_key=)[^&#]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyValue();
}
