using CallCenter.Ari.Internal;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Rest;

public sealed class AriAsteriskApi
{
    private readonly AriHttp _http;

    internal AriAsteriskApi(AriHttp http) => _http = http;

    public Task<AriAsteriskInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        _http.GetAsync("asterisk/info", AriQuery.For("asterisk/info"), AriJsonContext.Default.AriAsteriskInfo, cancellationToken);

    /// <summary>A sorcery object's attributes, e.g. ("res_pjsip", "aor", "1001") lists the AOR's contacts under "contact".</summary>
    public async Task<IReadOnlyList<AriConfigField>> GetConfigObjectAsync(
        string configClass, string objectType, string id, CancellationToken cancellationToken = default) =>
        await _http.GetAsync("asterisk/config/dynamic/{configClass}/{objectType}/{id}",
            AriQuery.For($"asterisk/config/dynamic/{AriQuery.Segment(configClass)}/{AriQuery.Segment(objectType)}/{AriQuery.Segment(id)}"),
            AriJsonContext.Default.ListAriConfigField, cancellationToken);
}
