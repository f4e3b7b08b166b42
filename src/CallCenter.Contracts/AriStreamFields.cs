namespace CallCenter.Contracts;

/// <summary>Field names of an entry in the ARI event stream (short: they are stored with every entry).</summary>
public static class AriStreamFields
{
    /// <summary>"event" or "snapshot".</summary>
    public const string Kind = "k";

    /// <summary>ARI event type (e.g. ChannelCreated); "Snapshot" for snapshots.</summary>
    public const string Type = "t";

    /// <summary>The call key: the channel's linkedid, empty when the event has no channel.</summary>
    public const string CallKey = "c";

    /// <summary>The channel id the event is about, when it has one.</summary>
    public const string ChannelId = "ch";

    /// <summary>Asterisk's entity id (asterisk_id), to tell several PBXs apart.</summary>
    public const string AsteriskId = "a";

    /// <summary>When the ingestion service received the frame (Unix milliseconds, UTC).</summary>
    public const string ReceivedAt = "r";

    /// <summary>Idempotency key "{connectionId}:{ordinal}": a retried write that landed twice is recognisable.</summary>
    public const string EventId = "id";

    /// <summary>The raw JSON: the ARI event, or the <see cref="ChannelSnapshot"/>.</summary>
    public const string Data = "d";
}
