namespace CallCenter.Persistence.Calls;

/// <summary>Reads what Asterisk channel names ("PJSIP/1001-0000002a", "Local/2001@ctx-00000001;2") say.</summary>
internal static class ChannelNames
{
    // Helper channels carry no party of their own: they never answer "for" the call.
    private static readonly string[] AuxiliaryTechnologies = ["Local/", "Snoop/", "Recorder/", "UnicastRTP/", "Announcer/", "Message/", "AudioSocket/", "WebSocket/"];

    public static bool IsAuxiliary(string channelName) =>
        AuxiliaryTechnologies.Any(prefix => channelName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>"PJSIP/1001-0000002a" → "PJSIP/1001".</summary>
    public static string? Endpoint(string channelName)
    {
        if (string.IsNullOrEmpty(channelName))
        {
            return null;
        }

        var dash = channelName.LastIndexOf('-');
        return dash > channelName.IndexOf('/', StringComparison.Ordinal) && dash > 0 ? channelName[..dash] : channelName;
    }

    /// <summary>"PJSIP/1001" → "1001".</summary>
    public static string? Resource(string? endpoint)
    {
        if (endpoint is null)
        {
            return null;
        }

        var slash = endpoint.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? endpoint[(slash + 1)..] : endpoint;
    }
}
