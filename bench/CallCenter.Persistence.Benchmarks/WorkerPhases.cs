using System.Globalization;
using System.Text;

/// <summary>
/// Sums the worker's per-batch phase times from its Debug log line ("Committed batch of … ms read=1.2 parse=9.8 …"):
/// where the worker's wall time goes. Read and parse run on the prefetching thread while the previous batch
/// commits; "wait" is how long the consumer loop then waited for them.
/// </summary>
internal sealed class WorkerPhases
{
    private const string Marker = " ms read=";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, double> _milliseconds = [];
    private readonly List<string> _order = [];
    private int _batches;
    private bool _counting;

    /// <summary>Environment for the worker: its consumer's Debug lines, one per line.</summary>
    public static IReadOnlyDictionary<string, string> LoggingEnvironment { get; } = new Dictionary<string, string>
    {
        ["Logging__LogLevel__CallCenter.Persistence.Consumption.AriEventConsumer"] = "Debug",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
    };

    /// <summary>Counts the batches committed from now on.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _counting = true;
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _counting = false;
        }
    }

    /// <summary>Takes a phase line (true), or leaves any other line to the caller (false).</summary>
    public bool TryAdd(string line)
    {
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        lock (_gate)
        {
            if (!_counting)
            {
                return true;
            }

            _batches++;
            foreach (var pair in line[(at + Marker.Length - "read=".Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var (name, value) = (pair[..pair.IndexOf('=')], double.Parse(pair[(pair.IndexOf('=') + 1)..], CultureInfo.InvariantCulture));
                if (_milliseconds.TryAdd(name, value))
                {
                    _order.Add(name);
                }
                else
                {
                    _milliseconds[name] += value;
                }
            }
        }

        return true;
    }

    /// <summary>One table row per phase: total seconds, µs per event, share of the measured wall time.</summary>
    public string Table(long events, TimeSpan wall)
    {
        lock (_gate)
        {
            var table = new StringBuilder();
            table.AppendLine(CultureInfo.InvariantCulture, $"Worker phases over {_batches:N0} batches ({events:N0} events, {wall.TotalSeconds:0.0} s wall):");
            table.AppendLine("| phase | total (s) | µs per event | share of wall time |");
            table.AppendLine("| --- | ---: | ---: | ---: |");
            foreach (var name in _order)
            {
                var seconds = _milliseconds[name] / 1000;
                table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {seconds:0.00} | {seconds * 1e6 / events:0.0} | {seconds / wall.TotalSeconds:P0} |");
            }

            return table.ToString();
        }
    }
}
