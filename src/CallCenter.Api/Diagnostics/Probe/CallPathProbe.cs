namespace CallCenter.Api.Diagnostics;

/// <summary>
/// One synthetic test call and its hops so far. The runner updates it while the call goes; readers (the GraphQL
/// field, polled by the console) see a consistent copy of the hop list at any time.
/// </summary>
public sealed class CallPathProbe
{
    public static readonly string[] HopNames =
    [
        "Asterisk received the call",
        "StasisStart reached ingestion",
        "A stream entry was written",
        "The worker committed the call",
        "The API published the change",
        "The call ended and was recorded as ended",
    ];

    private ProbeHop[] _hops;

    public CallPathProbe(string id, ProbeTarget target, DateTimeOffset startedAt)
    {
        Id = id;
        Target = target;
        StartedAt = startedAt;
        _hops = [.. HopNames.Select((name, i) => new ProbeHop(name, i == 0 ? ProbeHopStatus.Waiting : ProbeHopStatus.NotReached))];
    }

    /// <summary>Also the id of the probe's Local channel, and so the call key of its call.</summary>
    public string Id { get; }

    public ProbeTarget Target { get; }

    public DateTimeOffset StartedAt { get; }

    public IReadOnlyList<ProbeHop> Hops => Volatile.Read(ref _hops);

    public bool Finished { get; private set; }

    /// <summary>The call log's id of the probe's call, once the worker committed it.</summary>
    public Guid? CallId { get; internal set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The hop it stopped at; null while running or when every hop passed.</summary>
    public string? StoppedAt => Hops.FirstOrDefault(h => h.Status == ProbeHopStatus.Failed)?.Name;

    public bool Completed => Finished && Hops.All(h => h.Status == ProbeHopStatus.Passed);

    internal void Pass(int hop, DateTimeOffset at, string evidence)
    {
        Update(hop, new ProbeHop(HopNames[hop], ProbeHopStatus.Passed, at, Math.Max(0, (at - StartedAt).TotalMilliseconds), evidence));
        if (hop + 1 < HopNames.Length && Hops[hop + 1].Status == ProbeHopStatus.NotReached)
        {
            Update(hop + 1, new ProbeHop(HopNames[hop + 1], ProbeHopStatus.Waiting));
        }
    }

    internal void Fail(int hop, string evidence, string fix)
    {
        Update(hop, new ProbeHop(HopNames[hop], ProbeHopStatus.Failed, Evidence: evidence, Fix: fix));
        for (var later = hop + 1; later < HopNames.Length; later++)
        {
            Update(later, new ProbeHop(HopNames[later], ProbeHopStatus.NotReached));
        }
    }

    internal void Finish(DateTimeOffset at)
    {
        FinishedAt = at;
        Finished = true;
    }

    private void Update(int hop, ProbeHop value)
    {
        var copy = Hops.ToArray();
        copy[hop] = value;
        Volatile.Write(ref _hops, copy);
    }
}
