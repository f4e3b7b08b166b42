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
}
