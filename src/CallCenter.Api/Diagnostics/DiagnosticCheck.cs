namespace CallCenter.Api.Diagnostics;

/// <summary>The result of one check: what was seen and, when it is not OK, what to do in words.</summary>
public sealed record DiagnosticCheck(
    string Name,
    DiagnosticStatus Status,
    string Summary,
    IReadOnlyList<DiagnosticEvidence> Evidence,
    string? Fix,
    DateTimeOffset CheckedAt);
