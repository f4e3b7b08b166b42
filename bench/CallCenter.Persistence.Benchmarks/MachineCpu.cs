using System.Globalization;

/// <summary>
/// The whole machine's CPU use over a step, from /proc/stat: with other work on the same cores, how much CPU the
/// step could have had is part of the figure.
/// </summary>
internal readonly record struct MachineCpu(long BusyTicks, long TotalTicks)
{
    public static MachineCpu Now()
    {
        // "cpu  user nice system idle iowait irq softirq steal ...": idle and iowait are the unused time.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum();
        return new MachineCpu(total - fields[3] - fields[4], total);
    }

    /// <summary>Seconds of CPU (all cores) the machine spent busy since <paramref name="start"/>.</summary>
    public double BusySecondsSince(MachineCpu start) => (BusyTicks - start.BusyTicks) / 100.0;
}
