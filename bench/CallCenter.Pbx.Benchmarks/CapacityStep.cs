using System.Globalization;
using CallCenter.Testing;
using CallCenter.Testing.Measurement;

namespace CallCenter.Pbx.Benchmarks;

/// <summary>One rate of the capacity benchmark: what sipp saw, what each process spent, and whether the rate was sustained.</summary>
internal sealed record CapacityStep(bool Captured, double Rate, SippCallResult Sipp, ComponentCpu Cpu, double BenchCpuSeconds, TimeSpan Elapsed, int? Logged, string? NotSettled)
{
    public const double SetupLimitMilliseconds = 1000;

    public double SetupP50 => Quantile.Of(Sipp.ResponseTimes, 0.50);

    public double SetupP99 => Quantile.Of(Sipp.ResponseTimes, 0.99);

    public double SetupMax => Sipp.ResponseTimes.Count == 0 ? double.NaN : Sipp.ResponseTimes.Max();

    /// <summary>
    /// No failed call and setup p99 under 1 s (the issue's definition); with CallCenter also every call logged and the
    /// stack settled (stream committed, spool emptied) in the settle time, or the rate is not one CallCenter sustains.
    /// </summary>
    public bool Sustained => Sipp.AllSucceeded && Sipp.ResponseTimes.Count > 0 && SetupP99 < SetupLimitMilliseconds
        && NotSettled is null && (!Captured || Logged == Sipp.Requested);

    public string Mode => Captured ? "(b) with CallCenter" : "(a) without";

    public static string Header =>
        "| mode | offered calls/s | calls (not successful) | setup p50 / p99 / max (ms) | CPU ms per call: " + string.Join(" / ", ComponentCpu.Components) +
        " | load generator ms per call (sipp caller + agent phone) | other work on the machine (% of all cores) | logged | sustained |\n" +
        "| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | --- |";

    public string Row()
    {
        var calls = Sipp.Requested;
        var perCall = string.Join(" / ", ComponentCpu.Components.Select(c => Captured || c != "ingestion" ? Milliseconds(Cpu.Of(c), calls) : "—"));
        var ours = Cpu.Seconds.Values.Sum() + Cpu.Phone + Sipp.CpuSeconds + BenchCpuSeconds;
        var other = Math.Max(0, Cpu.Machine.Busy - ours) / Elapsed.TotalSeconds / Environment.ProcessorCount * 100;
        var outcome = Sustained ? "yes" : $"no{(NotSettled is null ? "" : $" (not settled: {NotSettled})")}";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Mode} | {Rate:0.#} | {calls} ({calls - Sipp.Successful}) | {SetupP50:0} / {SetupP99:0} / {SetupMax:0} | {perCall} | {Milliseconds(Sipp.CpuSeconds + Cpu.Phone, calls)} | {other:0}% | {(Logged is { } logged ? logged.ToString(CultureInfo.InvariantCulture) : "—")} | {outcome} |");
    }

    private static string Milliseconds(double seconds, int calls) => (seconds * 1000 / Math.Max(1, calls)).ToString("0.0", CultureInfo.InvariantCulture);
}
