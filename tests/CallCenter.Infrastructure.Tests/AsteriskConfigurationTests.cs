using CallCenter.LocalServers;

namespace CallCenter.Infrastructure.Tests;

/// <summary>The generated includes lead the trunk to the simulated provider only when the launcher runs one.</summary>
public sealed class AsteriskConfigurationTests
{
    private static readonly AsteriskSecrets Secrets = AsteriskSecrets.Generate();

    [Fact]
    public void Without_the_simulated_provider_the_trunk_leads_to_the_configured_router_and_no_provider_file_is_included()
    {
        var settings = new AsteriskInstanceSettings(8088, 5060, Secrets) { TrunkHost = "192.168.1.1", TrunkPort = 5062 };

        var pjsip = AsteriskConfiguration.Pjsip(settings);
        var extensions = AsteriskConfiguration.Extensions(settings);

        Assert.Contains("contact = sip:192.168.1.1:5062", pjsip, StringComparison.Ordinal);
        Assert.Contains("match = 192.168.1.1", pjsip, StringComparison.Ordinal);
        Assert.DoesNotContain("simulated-provider", pjsip, StringComparison.Ordinal);
        Assert.DoesNotContain("simulated-provider", extensions, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_simulated_provider_the_trunk_leads_to_its_port_which_its_identify_matches_in_the_request_uri()
    {
        var settings = new AsteriskInstanceSettings(8088, 5060, Secrets) { SimulatedProviderPort = 5070, SimulatedProviderRingSeconds = 7 };

        var pjsip = AsteriskConfiguration.Pjsip(settings);
        var extensions = AsteriskConfiguration.Extensions(settings);

        Assert.Contains("contact = sip:127.0.0.1:5070", pjsip, StringComparison.Ordinal);
        Assert.Contains("#include \"simulated-provider-pjsip.conf\"", pjsip, StringComparison.Ordinal);
        Assert.Contains("bind = 127.0.0.1:5070", pjsip, StringComparison.Ordinal);
        Assert.Contains(@"match_request_uri = /@127\.0\.0\.1:5070([^0-9]|$)/", pjsip, StringComparison.Ordinal);
        // Inbound calls from the trunk's address keep arriving as before.
        Assert.Contains("match = 127.0.0.1", pjsip, StringComparison.Ordinal);
        Assert.Contains("SIMULATED_PROVIDER_RING_SECONDS = 7", extensions, StringComparison.Ordinal);
        Assert.Contains("#include \"simulated-provider-extensions.conf\"", extensions, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(AsteriskConfiguration.DefaultSourceDirectory, "simulated-provider-pjsip.conf")));
        Assert.True(File.Exists(Path.Combine(AsteriskConfiguration.DefaultSourceDirectory, "simulated-provider-extensions.conf")));
    }
}
