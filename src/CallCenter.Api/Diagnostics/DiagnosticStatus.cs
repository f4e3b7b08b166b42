namespace CallCenter.Api.Diagnostics;

public enum DiagnosticStatus
{
    Ok,
    Warning,
    Failed,
}
