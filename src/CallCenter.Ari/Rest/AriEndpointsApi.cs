using CallCenter.Ari.Internal;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Rest;

public sealed class AriEndpointsApi
{
    private readonly AriHttp _http;

    internal AriEndpointsApi(AriHttp http) => _http = http;

    /// <summary>GET /endpoints/{tech}, e.g. every PJSIP endpoint with its state.</summary>
    public async Task<IReadOnlyList<AriEndpoint>> ListByTechnologyAsync(string technology, CancellationToken cancellationToken = default) =>
        await _http.GetAsync("endpoints/{tech}", AriQuery.For($"endpoints/{AriQuery.Segment(technology)}"), AriJsonContext.Default.ListAriEndpoint, cancellationToken);

    public Task<AriEndpoint> GetAsync(string technology, string resource, CancellationToken cancellationToken = default) =>
        _http.GetAsync("endpoints/{tech}/{resource}",
            AriQuery.For($"endpoints/{AriQuery.Segment(technology)}/{AriQuery.Segment(resource)}"), AriJsonContext.Default.AriEndpoint, cancellationToken);
}
