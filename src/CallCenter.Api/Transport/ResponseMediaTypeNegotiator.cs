using Microsoft.Net.Http.Headers;

namespace CallCenter.Api.Transport;

/// <summary>
/// Picks the response media type from the Accept header as the GraphQL-over-HTTP specification describes:
/// application/graphql-response+json when the client names it, application/json for legacy clients
/// (no Accept header, or only wildcards), and null (406) when neither is acceptable.
/// </summary>
internal static class ResponseMediaTypeNegotiator
{
    public static string? Negotiate(IList<MediaTypeHeaderValue> accept)
    {
        if (accept.Count == 0)
        {
            return GraphQLMediaTypes.Json;
        }

        var (graphQLQuality, graphQLExact) = QualityOf(accept, GraphQLMediaTypes.GraphQLResponse);
        var (jsonQuality, _) = QualityOf(accept, GraphQLMediaTypes.Json);
        if (graphQLQuality <= 0 && jsonQuality <= 0)
        {
            return null;
        }

        if (graphQLQuality > jsonQuality)
        {
            return GraphQLMediaTypes.GraphQLResponse;
        }

        if (jsonQuality > graphQLQuality)
        {
            return GraphQLMediaTypes.Json;
        }

        // Equal preference: the new media type when the client named it, otherwise stay legacy-compatible.
        return graphQLExact ? GraphQLMediaTypes.GraphQLResponse : GraphQLMediaTypes.Json;
    }

    public static bool AcceptsHtml(IList<MediaTypeHeaderValue> accept) =>
        accept.Any(value => value.MediaType.Equals(GraphQLMediaTypes.Html, StringComparison.OrdinalIgnoreCase) && (value.Quality ?? 1) > 0);

    /// <summary>Quality of the most specific range matching <paramref name="mediaType"/>, and whether it matched exactly.</summary>
    private static (double Quality, bool Exact) QualityOf(IList<MediaTypeHeaderValue> accept, string mediaType)
    {
        var bestSpecificity = -1;
        double quality = 0;
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        var typeWildcard = string.Concat(mediaType.AsSpan(0, slash), "/*");
        foreach (var range in accept)
        {
            var value = range.MediaType.Value ?? string.Empty;
            var specificity = value.Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? 2
                : value.Equals(typeWildcard, StringComparison.OrdinalIgnoreCase) ? 1
                : value == "*/*" ? 0
                : -1;
            if (specificity > bestSpecificity)
            {
                bestSpecificity = specificity;
                quality = range.Quality ?? 1;
            }
        }

        return (quality, bestSpecificity == 2);
    }
}
