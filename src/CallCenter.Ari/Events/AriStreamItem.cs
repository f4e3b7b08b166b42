namespace CallCenter.Ari.Events;

/// <summary>One item of the event stream: an <see cref="AriEvent"/>, an <see cref="AriConnected"/> marker or an <see cref="AriMalformedFrame"/>.</summary>
public abstract record AriStreamItem;
