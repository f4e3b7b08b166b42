namespace CallCenter.Ingestion.Streaming;

/// <summary>One entry waiting to be appended to a Redis stream (the event stream or the dead-letter stream).</summary>
public sealed record BufferedWrite(string Stream, IReadOnlyList<KeyValuePair<string, string>> Fields, bool Trim);
