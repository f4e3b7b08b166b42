using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CallCenter.Persistence.Consumption;

/// <summary>
/// The steps of one batch. Read and parse run on the reading thread, usually while the previous batch commits, and
/// acknowledge and publish while the next one commits; the others are the consumer loop's own time, one after the
/// other, so they add up to its wall time.
/// </summary>
internal enum BatchPhase
{
    /// <summary>XREADGROUP (or XAUTOCLAIM) of the batch.</summary>
    Read,

    /// <summary>Stream fields and ARI JSON into events.</summary>
    Parse,

    /// <summary>The consumer loop waiting for the batch to be read and parsed.</summary>
    Wait,

    /// <summary>Which call each entry belongs to, snapshot candidates, the pooled connection.</summary>
    Resolve,

    /// <summary>Inserting the new calls, locking and loading the calls with their legs, the duplicate check.</summary>
    Lock,

    /// <summary>The state machine, the calls' summaries and the contact match.</summary>
    Apply,

    /// <summary>The calls' and legs' rows.</summary>
    Save,

    /// <summary>The timeline rows (COPY).</summary>
    Copy,

    /// <summary>COMMIT (the WAL flush).</summary>
    Commit,

    /// <summary>The consumer loop waiting for the previous batch's acknowledgement and notices to go out.</summary>
    Drain,

    /// <summary>Dead-lettering and XACK (after the commit, while the next batch commits).</summary>
    Acknowledge,

    /// <summary>The change notices (after the acknowledgement).</summary>
    Publish,
}

/// <summary>
/// How long each <see cref="BatchPhase"/> of one batch took (retries included). The parts of a partitioned batch
/// (<see cref="CallPartitions"/>) add their times up, so their phases can sum to more than the wall time.
/// </summary>
internal sealed class BatchTimings
{
    private static readonly BatchPhase[] Phases = Enum.GetValues<BatchPhase>();
    private readonly long[] _ticks = new long[Phases.Length];

    /// <summary>Adds the time since <paramref name="since"/> (a <see cref="Stopwatch.GetTimestamp"/>) to the phase; returns now.</summary>
    public long Lap(BatchPhase phase, long since)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _ticks[(int)phase], now - since);
        return now;
    }

    public void Add(BatchPhase phase, TimeSpan elapsed) => Interlocked.Add(ref _ticks[(int)phase], (long)(elapsed.TotalSeconds * Stopwatch.Frequency));

    public TimeSpan this[BatchPhase phase] => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[(int)phase]));

    public IEnumerable<(BatchPhase Phase, TimeSpan Elapsed)> All() => Phases.Select(p => (p, this[p]));

    /// <summary>"read=1.20 parse=9.81 …" in milliseconds, for the Debug log (the benchmark sums these).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (phase, elapsed) in All())
        {
            text.Append(text.Length == 0 ? "" : " ").Append(phase.ToString().ToLowerInvariant()).Append('=')
                .Append(elapsed.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
