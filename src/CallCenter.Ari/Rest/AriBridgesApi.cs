using CallCenter.Ari.Internal;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Rest;

public sealed class AriBridgesApi
{
    private readonly AriHttp _http;

    internal AriBridgesApi(AriHttp http) => _http = http;

    public async Task<IReadOnlyList<AriBridge>> ListAsync(CancellationToken cancellationToken = default) =>
        await _http.GetAsync("bridges", AriQuery.For("bridges"), AriJsonContext.Default.ListAriBridge, cancellationToken);

    /// <summary>Creates a bridge; <paramref name="type"/> is a comma list of mixing, holding, dtmf_events, proxy_media, video_sfu, video_single.</summary>
    public Task<AriBridge> CreateAsync(string type = "mixing", string? bridgeId = null, string? name = null, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "bridges",
            AriQuery.For("bridges").Add("type", type).Add("bridgeId", bridgeId).Add("name", name),
            AriJsonContext.Default.AriBridge, cancellationToken);

    public Task AddChannelAsync(string bridgeId, string channelId, string? role = null, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "bridges/{bridgeId}/addChannel",
            Bridge(bridgeId, "/addChannel").Add("channel", channelId).Add("role", role), cancellationToken);

    /// <summary>Destroys the bridge; channels in it are removed but not hung up.</summary>
    public Task DestroyAsync(string bridgeId, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Delete, "bridges/{bridgeId}", Bridge(bridgeId), cancellationToken);

    private static AriQuery Bridge(string bridgeId, string suffix = "") =>
        AriQuery.For($"bridges/{AriQuery.Segment(bridgeId)}{suffix}");
}
