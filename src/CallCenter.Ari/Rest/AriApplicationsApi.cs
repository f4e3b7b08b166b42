using CallCenter.Ari.Internal;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Rest;

public sealed class AriApplicationsApi
{
    private readonly AriHttp _http;

    internal AriApplicationsApi(AriHttp http) => _http = http;

    public Task<AriApplication> GetAsync(string applicationName, CancellationToken cancellationToken = default) =>
        _http.GetAsync("applications/{applicationName}", App(applicationName), AriJsonContext.Default.AriApplication, cancellationToken);

    /// <summary>Subscribes the app to event sources such as "channel:{id}", "bridge:{id}", "endpoint:PJSIP/100", "deviceState:{name}".</summary>
    public Task<AriApplication> SubscribeAsync(string applicationName, IEnumerable<string> eventSources, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "applications/{applicationName}/subscription",
            App(applicationName, "/subscription").Add("eventSource", string.Join(',', eventSources)),
            AriJsonContext.Default.AriApplication, cancellationToken);

    private static AriQuery App(string applicationName, string suffix = "") =>
        AriQuery.For($"applications/{AriQuery.Segment(applicationName)}{suffix}");
}
