using System.Globalization;

namespace CallCenter.Testing.Measurement;

/// <summary>
/// CPU seconds of the whole machine so far, from /proc/stat: user, system, softirq (loopback TCP delivery is mostly
/// charged here, to no process) and steal; busy is everything but idle and iowait. The difference of two readings,
/// less what the measured processes used, is what other work took meanwhile.
/// </summary>
public readonly record struct MachineCpu(double Busy, double User, double System, double SoftIrq, double Steal)
{
    public static MachineCpu Read()
    {
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(value => long.Parse(value, CultureInfo.InvariantCulture) / 100.0).ToArray();
        return new MachineCpu(f.Take(8).Sum() - f[3] - f[4], f[0] + f[1], f[2], f[5] + f[6], f[7]);
    }

    public static MachineCpu operator -(MachineCpu after, MachineCpu before) => new(
        after.Busy - before.Busy, after.User - before.User, after.System - before.System, after.SoftIrq - before.SoftIrq, after.Steal - before.Steal);
}
