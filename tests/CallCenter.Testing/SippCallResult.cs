namespace CallCenter.Testing;

/// <summary>How a sipp caller run ended: its exit code and the final counters of its statistics file.</summary>
public sealed record SippCallResult(int ExitCode, int Successful, int Failed, int Requested, TimeSpan Elapsed, string OutputTail)
{
    /// <summary>sipp's exit code 0 means every call completed its scenario.</summary>
    public bool AllSucceeded => ExitCode == 0 && Successful == Requested && Failed == 0;

    public override string ToString() =>
        $"sipp exit {ExitCode}: {Successful}/{Requested} successful, {Failed} failed in {Elapsed.TotalSeconds:0.0} s\n{OutputTail}";
}
