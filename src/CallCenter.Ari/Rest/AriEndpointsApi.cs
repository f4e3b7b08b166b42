using CallCenter.Ari.Internal;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Rest;

public sealed class AriEndpointsApi
{
    private readonly AriHttp _http;

    internal AriEndpointsApi(AriHttp http) => _http = http;

    public async Task<IReadOnlyList<AriEndpoint>> ListAsync(CancellationToken cancellationToken = default) =>
        await _http.GetAsync("endpoints", AriQuery.For("endpoints"), AriJsonContext.Default.ListAriEndpoint, cancellationToken);
}
