namespace CallCenter.Ari.Events;

/// <summary>A frame that could not be turned into an event (not JSON, no "type", wrong field types, too large).</summary>
public sealed record AriMalformedFrame(string RawText, string Error) : AriStreamItem;
