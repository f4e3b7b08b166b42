namespace CallCenter.Testing;

/// <summary>How a sipp caller run ended: its exit code and the final counters of its statistics file.</summary>
public sealed record SippCallResult(int ExitCode, int Successful, int Failed, int Requested, TimeSpan Elapsed, string OutputTail)
{
    /// <summary>sipp's exit code 0 means every call completed its scenario.</summary>
    public bool AllSucceeded => ExitCode == 0 && Successful == Requested && Failed == 0;

    /// <summary>
    /// With <see cref="SippCallOptions.RecordResponseTimes"/>: each call's time in ms from its INVITE to the response
    /// the scenario marks rtd="true" (the 200 OK for the callers here).
    /// </summary>
    public IReadOnlyList<double> ResponseTimes { get; init; } = [];

    /// <summary>CPU seconds (user + system) sipp itself used, read from /proc while it ran (the last reading before it ended).</summary>
    public double CpuSeconds { get; init; }

    public override string ToString() =>
        $"sipp exit {ExitCode}: {Successful}/{Requested} successful, {Failed} failed in {Elapsed.TotalSeconds:0.0} s\n{OutputTail}";
}
