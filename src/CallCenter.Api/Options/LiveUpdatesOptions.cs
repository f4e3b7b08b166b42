using CallCenter.Contracts;

namespace CallCenter.Api.Options;

/// <summary>Where the persistence worker's commit notices arrive, bound from the "LiveUpdates" configuration section.</summary>
public sealed class LiveUpdatesOptions
{
    public const string SectionName = "LiveUpdates";

    public string Channel { get; set; } = CallChangeNotice.DefaultChannel;

    /// <summary>Notices buffered per subscriber; a subscriber that falls further behind loses the oldest ones.</summary>
    public int SubscriberBufferCapacity { get; set; } = 1_000;
}
