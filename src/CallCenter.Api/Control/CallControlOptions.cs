namespace CallCenter.Api.Control;

/// <summary>Where call control sends channels, bound from the "CallControl" configuration section.</summary>
public sealed class CallControlOptions
{
    public const string SectionName = "CallControl";

    /// <summary>
    /// Dialplan context a blind transfer continues the customer's channel in (extension = destination, priority 1).
    /// The shipped [callcenter-transfer] sets CALLCENTER_TRANSFER, which is how the call record counts the transfer.
    /// </summary>
    public string TransferContext { get; set; } = "callcenter-transfer";

    /// <summary>Dialplan context the agent's answered channel dials the number from (click-to-call).</summary>
    public string OriginateContext { get; set; } = "from-internal";

    /// <summary>Endpoint of an agent's phone; {0} is the extension.</summary>
    public string AgentEndpointFormat { get; set; } = "PJSIP/{0}";

    /// <summary>How long the agent's phone rings for click-to-call.</summary>
    public TimeSpan OriginateRingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long hold, mute and transfer keep asking while the PBX answers that the channel is not in the application
    /// yet (a call just answered is on its way back into it); after that the refusal is the caller's error.
    /// </summary>
    public TimeSpan EnterApplicationWait { get; set; } = TimeSpan.FromSeconds(2);
}
