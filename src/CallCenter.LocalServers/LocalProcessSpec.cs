namespace CallCenter.LocalServers;

/// <summary>What to run for one local server process.</summary>
public sealed record LocalProcessSpec(string Name, string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Signal for a graceful stop (servers differ: PostgreSQL's fast shutdown is SIGINT).</summary>
    public int StopSignal { get; init; } = UnixSignals.SigTerm;

    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
