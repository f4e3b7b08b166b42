using System.Globalization;

namespace CallCenter.Persistence.Consumption;

/// <summary>A Redis stream entry id, "milliseconds-sequence", ordered as Redis orders them.</summary>
internal readonly record struct StreamEntryId(ulong Milliseconds, ulong Sequence) : IComparable<StreamEntryId>
{
    public static StreamEntryId Parse(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? new StreamEntryId(ulong.Parse(id, CultureInfo.InvariantCulture), 0)
            : new StreamEntryId(ulong.Parse(id.AsSpan(0, dash), CultureInfo.InvariantCulture), ulong.Parse(id.AsSpan(dash + 1), CultureInfo.InvariantCulture));
    }

    public static StreamEntryId Min(StreamEntryId a, StreamEntryId b) => a.CompareTo(b) <= 0 ? a : b;

    /// <summary>The smallest id after this one.</summary>
    public StreamEntryId Next() => Sequence == ulong.MaxValue ? new StreamEntryId(Milliseconds + 1, 0) : this with { Sequence = Sequence + 1 };

    public int CompareTo(StreamEntryId other) =>
        Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
