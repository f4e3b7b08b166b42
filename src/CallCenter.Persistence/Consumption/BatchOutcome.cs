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
}
