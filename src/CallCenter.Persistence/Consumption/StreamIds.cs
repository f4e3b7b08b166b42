namespace CallCenter.Persistence.Consumption;

/// <summary>Redis stream ids ("1700000000000-3") compare by both numbers, not as text.</summary>
internal static class StreamIds
{
    public static int Compare(string left, string right)
    {
        var (leftMs, leftSeq) = Split(left);
        var (rightMs, rightSeq) = Split(right);
        var byTime = leftMs.CompareTo(rightMs);
        return byTime != 0 ? byTime : leftSeq.CompareTo(rightSeq);
    }

    private static (ulong Milliseconds, ulong Sequence) Split(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        var ms = ulong.TryParse(dash < 0 ? id : id[..dash], System.Globalization.CultureInfo.InvariantCulture, out var parsedMs) ? parsedMs : 0;
        var seq = dash >= 0 && ulong.TryParse(id[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var parsedSeq) ? parsedSeq : 0;
        return (ms, seq);
    }
}
