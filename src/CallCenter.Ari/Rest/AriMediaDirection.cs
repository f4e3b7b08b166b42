namespace CallCenter.Ari.Rest;

/// <summary>Audio direction for mute/unmute (from the channel's point of view).</summary>
public enum AriMediaDirection
{
    Both,
    In,
    Out,
}
