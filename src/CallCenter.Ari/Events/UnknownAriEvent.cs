namespace CallCenter.Ari.Events;

/// <summary>An event type this library has no model for; <see cref="AriEvent.RawJson"/> holds all of it.</summary>
public sealed record UnknownAriEvent : AriEvent;
