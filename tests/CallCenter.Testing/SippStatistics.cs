namespace CallCenter.Testing;

/// <summary>The cumulative counters of the last line of a sipp statistics file (-trace_stat -stf).</summary>
public sealed record SippStatistics(int Incoming, int Outgoing, int Successful, int Failed)
{
    public static SippStatistics Empty { get; } = new(0, 0, 0, 0);

    /// <summary>Reads the file sipp rewrites every -fd seconds and at exit; empty while it has not written yet.</summary>
    public static SippStatistics Read(string path)
    {
        string[] lines;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        catch (FileNotFoundException)
        {
            return Empty;
        }

        if (lines.Length < 2)
        {
            return Empty;
        }

        var header = lines[0].Split(';');
        var last = lines[^1].Split(';');
        int Column(string name)
        {
            var index = Array.IndexOf(header, name);
            return index >= 0 && index < last.Length && int.TryParse(last[index], System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : 0;
        }

        return new SippStatistics(Column("IncomingCall(C)"), Column("OutgoingCall(C)"), Column("SuccessfulCall(C)"), Column("FailedCall(C)"));
    }
}
