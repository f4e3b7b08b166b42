namespace CallCenter.Api.Diagnostics;

/// <summary>One fact a check saw, e.g. ("agent 1001", "registered at sip:1001@10.0.0.5:5060").</summary>
public sealed record DiagnosticEvidence(string Label, string Value);
