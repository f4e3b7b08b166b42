namespace CallCenter.Api.Diagnostics;

/// <summary>Source-generated log messages of the diagnostics and the call-path probe.</summary>
internal static partial class DiagnosticsLog
{
    [LoggerMessage(101, LogLevel.Warning, "Diagnostics check {Check} failed to run")]
    public static partial void CheckCrashed(ILogger logger, string check, Exception exception);

    [LoggerMessage(102, LogLevel.Information, "Call-path probe {ProbeId} started by {User} into {Context}/{Number}")]
    public static partial void ProbeStarted(ILogger logger, string probeId, string? user, string context, string number);

    [LoggerMessage(103, LogLevel.Information, "Call-path probe {ProbeId} finished: {Outcome}")]
    public static partial void ProbeFinished(ILogger logger, string probeId, string outcome);

    [LoggerMessage(104, LogLevel.Warning, "Call-path probe {ProbeId} failed unexpectedly")]
    public static partial void ProbeCrashed(ILogger logger, string probeId, Exception exception);
}
