using CallCenter.Ari.Events;
using CallCenter.Ingestion.AriEvents;
using CallCenter.Testing;

namespace CallCenter.Ingestion.Tests;

/// <summary>The simulated provider's channels are left out of the stream; the trunk's and agents' never are.</summary>
public sealed class IgnoredChannelsTests
{
    [Theory]
    [InlineData("PJSIP/simulated-provider-00000002", true)]
    [InlineData("PJSIP/trunk-00000001", false)]
    [InlineData("PJSIP/1001-00000000", false)]
    // Only whole endpoint names: an endpoint that merely starts the same way is someone else.
    [InlineData("PJSIP/simulated-provider2-00000003", false)]
    public void Events_of_the_configured_endpoints_channels_are_ignored(string channelName, bool ignored)
    {
        var frame = FakeAriServer.ChannelEvent("ChannelCreated", "1700000000.7", 1).Replace("PJSIP/trunk-00000001", channelName, StringComparison.Ordinal);
        var ariEvent = Assert.IsAssignableFrom<AriEvent>(AriEventParser.Parse(System.Text.Encoding.UTF8.GetBytes(frame).AsSpan()));

        Assert.Equal(ignored, new IgnoredChannels(new IngestionOptions().IgnoredEndpoints).Contains(ariEvent));
        Assert.False(new IgnoredChannels([]).Contains(ariEvent));
    }
}
