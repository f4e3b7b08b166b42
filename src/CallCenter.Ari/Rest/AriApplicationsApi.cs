using CallCenter.Ari.Internal;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Rest;

public sealed class AriApplicationsApi
{
    private readonly AriHttp _http;

    internal AriApplicationsApi(AriHttp http) => _http = http;

    public Task<AriApplication> GetAsync(string applicationName, CancellationToken cancellationToken = default) =>
        _http.GetAsync("applications/{applicationName}", App(applicationName), AriJsonContext.Default.AriApplication, cancellationToken);

    private static AriQuery App(string applicationName, string suffix = "") =>
        AriQuery.For($"applications/{AriQuery.Segment(applicationName)}{suffix}");
}
