namespace CallCenter.Contracts;

/// <summary>Channel variables CallCenter sets through ARI so that the event stream records what it did.</summary>
public static class CallCenterChannelVariables
{
    /// <summary>
    /// Set by the dialplan ([callcenter-transfer]) on the customer's channel once the API has moved it to a new
    /// destination (blind transfer); the value is the destination. Its ChannelVarset event is how the persistence
    /// worker counts the transfer.
    /// </summary>
    public const string Transfer = "CALLCENTER_TRANSFER";

    /// <summary>
    /// "1" while the API holds the channel, "0" after it resumed it. ARI's hold (a hold indication to the channel)
    /// raises no ChannelHold event, which only a phone's own hold does; this variable's ChannelVarset events stand in.
    /// </summary>
    public const string Hold = "CALLCENTER_HOLD";
}
