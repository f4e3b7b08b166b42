using CallCenter.Contracts;

namespace CallCenter.Persistence.Consumption;

/// <summary>What committing one batch did.</summary>
internal sealed class BatchOutcome
{
    public List<CallChangeNotice> Notices { get; } = [];

    public List<PoisonEntry> Poison { get; } = [];

    public int Applied { get; set; }

    public int Duplicates { get; set; }

    public int Ignored { get; set; }

    public int RecordingsQueued { get; set; }

    /// <summary>Adds what another part of the batch did (its notices after this one's).</summary>
    public void Add(BatchOutcome other)
    {
        Notices.AddRange(other.Notices);
        Poison.AddRange(other.Poison);
        Applied += other.Applied;
        Duplicates += other.Duplicates;
        Ignored += other.Ignored;
        RecordingsQueued += other.RecordingsQueued;
    }
}
