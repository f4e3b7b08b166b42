namespace CallCenter.Ari;

/// <summary>Settings for the ARI REST client and event connection, bound from the "Ari" configuration section.</summary>
public sealed class AriOptions
{
    public const string SectionName = "Ari";

    /// <summary>ARI root, e.g. http://127.0.0.1:8088/ari/ (a trailing slash is added when missing).</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:8088/ari/");

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>Stasis application name the event WebSocket registers.</summary>
    public string Application { get; set; } = "call-center";

    /// <summary>Receive events for every channel/bridge/endpoint, not only those in the application.</summary>
    public bool SubscribeAll { get; set; } = true;

    /// <summary>Authenticate the WebSocket with the api_key query parameter instead of a Basic header (some proxies drop headers on upgrade).</summary>
    public bool UseApiKeyQueryForEvents { get; set; }

    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Items buffered between the socket reader and the consumer; when full the reader waits (backpressure).</summary>
    public int EventBufferCapacity { get; set; } = 1024;

    /// <summary>A single event larger than this is surfaced as a malformed frame instead of growing memory without bound.</summary>
    public int MaxEventBytes { get; set; } = 16 * 1024 * 1024;

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Keep-alive pings keep NAT/firewall state alive between quiet periods.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    internal Uri NormalizedBaseUrl =>
        BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");
}
