using CallCenter.Ari.Rest;

namespace CallCenter.Ari;

/// <summary>
/// Typed ARI REST client. Registered as a typed HttpClient by <see cref="AriServiceCollectionExtensions"/>,
/// which sets the base address (…/ari/) and Basic authentication.
/// </summary>
public sealed class AriClient
{
    public AriClient(HttpClient httpClient)
    {
        var http = new AriHttp(httpClient);
        Asterisk = new AriAsteriskApi(http);
        Channels = new AriChannelsApi(http);
        Bridges = new AriBridgesApi(http);
        Recordings = new AriRecordingsApi(http);
        Applications = new AriApplicationsApi(http);
        Endpoints = new AriEndpointsApi(http);
    }

    public AriAsteriskApi Asterisk { get; }
    public AriChannelsApi Channels { get; }
    public AriBridgesApi Bridges { get; }
    public AriRecordingsApi Recordings { get; }
    public AriApplicationsApi Applications { get; }
    public AriEndpointsApi Endpoints { get; }
}
