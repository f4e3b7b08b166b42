namespace CallCenter.Api.Diagnostics;

/// <summary>One hop of the probe's call: when it was seen (and how long after the start), or why not and what it needs.</summary>
public sealed record ProbeHop(
    string Name,
    ProbeHopStatus Status,
    DateTimeOffset? At = null,
    double? ElapsedMilliseconds = null,
    string? Evidence = null,
    string? Fix = null);
