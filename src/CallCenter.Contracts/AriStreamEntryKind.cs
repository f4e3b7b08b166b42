namespace CallCenter.Contracts;

/// <summary>What a stream entry carries.</summary>
public enum AriStreamEntryKind
{
    /// <summary>One ARI event, exactly as Asterisk sent it.</summary>
    Event,

    /// <summary>The channels Asterisk had right after a (re)connect; lets the worker close calls lost during an outage.</summary>
    Snapshot,
}
