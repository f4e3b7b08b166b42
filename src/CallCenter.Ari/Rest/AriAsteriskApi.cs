using CallCenter.Ari.Internal;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Rest;

public sealed class AriAsteriskApi
{
    private readonly AriHttp _http;

    internal AriAsteriskApi(AriHttp http) => _http = http;

    public Task<AriAsteriskInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        _http.GetAsync("asterisk/info", AriQuery.For("asterisk/info"), AriJsonContext.Default.AriAsteriskInfo, cancellationToken);
}
