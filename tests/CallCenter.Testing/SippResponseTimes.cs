using System.Globalization;

namespace CallCenter.Testing;

/// <summary>
/// Each call's response time from sipp's -trace_rtt file(s) (&lt;scenario&gt;_&lt;pid&gt;_rtt.csv in the run folder, header
/// "Date_ms;response_time_ms;rtd_no"): for the callers here the time from the INVITE to the 200 OK (the rtd="true" step).
/// </summary>
public static class SippResponseTimes
{
    public static IReadOnlyList<double> Read(string folder)
    {
        var times = new List<double>();
        foreach (var file in Directory.EnumerateFiles(folder, "*_rtt.csv"))
        {
            foreach (var line in File.ReadLines(file))
            {
                var columns = line.Split(';');
                if (columns.Length >= 2 && double.TryParse(columns[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
                {
                    times.Add(milliseconds);
                }
            }
        }

        return times;
    }

    /// <summary>The <paramref name="fraction"/> quantile (nearest rank) of <paramref name="values"/>; NaN when there are none.</summary>
    public static double Quantile(IReadOnlyList<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
