namespace CallCenter.LocalServers;

/// <summary>The installation-specific values written into an instance's generated includes.</summary>
public sealed record AsteriskInstanceSettings(int HttpPort, int SipPort, AsteriskSecrets Secrets)
{
    public string HttpBindAddress { get; init; } = "127.0.0.1";

    public string SipBindAddress { get; init; } = "127.0.0.1";

    /// <summary>The SIP provider/router: calls from this address are inbound trunk calls, outbound calls go there.</summary>
    public string TrunkHost { get; init; } = "127.0.0.1";

    public int TrunkPort { get; init; } = 5060;

    /// <summary>
    /// The simulated SIP provider's port (asterisk/simulated-provider-*.conf): a second UDP transport of this same
    /// Asterisk that answers the trunk's calls by number. When set, the trunk leads there instead of
    /// <see cref="TrunkHost"/>:<see cref="TrunkPort"/>; null leaves the trunk as configured and the provider out.
    /// </summary>
    public int? SimulatedProviderPort { get; init; }

    /// <summary>How long the simulated provider's ring-out numbers (5552XXX) ring before it answers 480.</summary>
    public int SimulatedProviderRingSeconds { get; init; } = 20;

    /// <summary>Where dialplan number 2001 rings the test agent (a sipp UAS), e.g. sip:agent@127.0.0.1:5071; none when null.</summary>
    public string? TestAgentUri { get; init; }
}
