using System.Globalization;
using CallCenter.Pbx.Benchmarks;

// Usage (build first: dotnet build -c Release bench/CallCenter.Pbx.Benchmarks):
//   dotnet bench/CallCenter.Pbx.Benchmarks/bin/Release/net10.0/CallCenter.Pbx.Benchmarks.dll capacity [--rates 5,10,15,...] [--step-seconds 20] [--nice N|off]
//   dotnet bench/CallCenter.Pbx.Benchmarks/bin/Release/net10.0/CallCenter.Pbx.Benchmarks.dll soak --rate R [--minutes 10] [--nice N|off]
// Runs as root (Asterisk is chrooted). Every server and service is started here and stopped at the end.
const string Usage = "Usage: capacity [--rates 5,10,15] [--step-seconds 20] [--nice 10|off] | soak --rate R [--minutes 10] [--nice 10|off]";
if (args.Length == 0 || args[0] is not ("capacity" or "soak"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

// The servers' log outlives the run (the harness's own folder is removed at exit).
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CALLCENTER_TEST_LOG")))
{
    Environment.SetEnvironmentVariable("CALLCENTER_TEST_LOG", Path.Combine(Path.GetTempPath(), $"callcenter-pbx-bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log"));
}

double[] rates = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 28, 32];
var stepSeconds = 20.0;
double? rate = null;
var minutes = 10.0;
int? niceness = 10;
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rates":
            rates = [.. args[++i].Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).Order()];
            break;
        case "--step-seconds":
            stepSeconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--rate":
            rate = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--minutes":
            minutes = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--nice":
            niceness = args[++i] == "off" ? null : int.Parse(args[i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}. {Usage}");
            return 2;
    }
}

if (args[0] == "capacity")
{
    return await CapacityBenchmark.RunAsync(rates, TimeSpan.FromSeconds(stepSeconds), niceness);
}

if (rate is not { } soakRate)
{
    Console.Error.WriteLine($"soak needs --rate (80% of the capacity benchmark's (b) rate). {Usage}");
    return 2;
}

return await SoakBenchmark.RunAsync(soakRate, TimeSpan.FromMinutes(minutes), niceness);
