namespace CallCenter.Contracts.Diagnostics;

/// <summary>
/// The diagnostics probe (the API's runCallPathProbe) names its channels so that every service can tell them apart:
/// its Local channel's id, and therefore the call's linkedid (the call key), starts with <see cref="ChannelIdPrefix"/>.
/// The call log marks such calls as tests (calls.is_test) and statistics leave them out.
/// </summary>
public static class ProbeCalls
{
    public const string ChannelIdPrefix = "cc-probe-";

    public static bool IsProbe(string? channelIdOrCallKey) =>
        channelIdOrCallKey is not null && channelIdOrCallKey.StartsWith(ChannelIdPrefix, StringComparison.Ordinal);
}
