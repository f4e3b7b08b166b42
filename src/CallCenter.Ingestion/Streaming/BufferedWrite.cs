namespace CallCenter.Ingestion.Streaming;

/// <summary>
/// One entry waiting to be appended to a Redis stream (the event stream or the dead-letter stream).
/// <paramref name="EventId"/> is also one of the fields: it lets a retried write recognise that it already landed.
/// </summary>
public sealed record BufferedWrite(string Stream, string EventId, IReadOnlyList<KeyValuePair<string, string>> Fields, bool Trim);
