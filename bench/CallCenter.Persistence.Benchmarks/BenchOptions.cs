using System.Globalization;
using CallCenter.Testing;

/// <summary>The benchmark's command line.</summary>
internal sealed record BenchOptions(int Calls, int? BatchSize, bool RunCdr, int CdrAsteriskCalls, double CdrAsteriskRate, string? Worker)
{
    public const string Usage =
        "[--calls N | --events N] [--batch-size N] [--no-cdr] [--cdr-asterisk-calls N] [--cdr-asterisk-rate R] [--worker path/to/CallCenter.Persistence.dll] [--worker-env NAME=VALUE]...";

    /// <summary>Extra environment for the worker process (A/B runs of a setting on the same build).</summary>
    public Dictionary<string, string> WorkerEnvironment { get; } = [];

    /// <summary>The options, or null (with the reason on stderr) when an argument is unknown.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions(40_000, null, true, 0, 100.0, null);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--calls":
                    options = options with { Calls = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--events":
                    // "--events 1000000" is the "N million events": whole calls, rounded up.
                    var events = long.Parse(args[++i], CultureInfo.InvariantCulture);
                    options = options with { Calls = (int)Math.Ceiling(events / (double)RealisticCallEvents.ForCall(1).Count()) };
                    break;
                case "--batch-size":
                    options = options with { BatchSize = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--cdr-asterisk-calls":
                    options = options with { CdrAsteriskCalls = int.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--cdr-asterisk-rate":
                    options = options with { CdrAsteriskRate = double.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case "--no-cdr":
                    options = options with { RunCdr = false };
                    break;
                case "--worker":
                    // Another build of the worker (e.g. an older commit's) for before/after figures on the same harness.
                    options = options with { Worker = Path.GetFullPath(args[++i]) };
                    break;
                case "--worker-env":
                    var setting = args[++i].Split('=', 2);
                    options.WorkerEnvironment[setting[0]] = setting.Length > 1 ? setting[1] : "";
                    break;
                default:
                    Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: {Usage}");
                    return null;
            }
        }

        return options;
    }
}
