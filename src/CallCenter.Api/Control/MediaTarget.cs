namespace CallCenter.Api.Control;

/// <summary>Which side of a call a hold or mute applies to.</summary>
public enum MediaTarget
{
    /// <summary>The outside party (caller of an inbound call, callee of an outbound one).</summary>
    Customer,

    /// <summary>The agent's own channel.</summary>
    Agent,
}
