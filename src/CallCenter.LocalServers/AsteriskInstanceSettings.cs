namespace CallCenter.LocalServers;

/// <summary>The installation-specific values written into an instance's generated includes.</summary>
public sealed record AsteriskInstanceSettings(int HttpPort, int SipPort, AsteriskSecrets Secrets)
{
    public string HttpBindAddress { get; init; } = "127.0.0.1";

    public string SipBindAddress { get; init; } = "127.0.0.1";

    /// <summary>The SIP provider/router: calls from this address are inbound trunk calls, outbound calls go there.</summary>
    public string TrunkHost { get; init; } = "127.0.0.1";

    public int TrunkPort { get; init; } = 5060;

    /// <summary>Where dialplan number 2001 rings the test agent (a sipp UAS), e.g. sip:agent@127.0.0.1:5071; none when null.</summary>
    public string? TestAgentUri { get; init; }
}
