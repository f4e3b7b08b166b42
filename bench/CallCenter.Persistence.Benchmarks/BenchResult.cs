using System.Globalization;

/// <summary>One path's row of the results table, and its rate for the ratios.</summary>
internal sealed record BenchResult(string Row, double EventsPerSecond)
{
    public const string Header =
        "| wall time (s) | calls/s | events/s | CPU µs per event: client / PostgreSQL / Redis | client peak RSS (MB) | load avg at start | machine CPU busy (of all cores) |";

    public const string Alignment = "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |";

    /// <summary>The machine's busy share over the step: what the measured processes and everything else took together.</summary>
    public static string Busy(MachineCpu start, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{MachineCpu.Now().BusySecondsSince(start) / (elapsed.TotalSeconds * Environment.ProcessorCount):P0}");
}
