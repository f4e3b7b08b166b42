using System.Globalization;

namespace CallCenter.Api.Benchmarks;

/// <summary>What the fan-out run does, from <c>--name value</c> arguments.</summary>
internal sealed record FanOutSettings(
    Uri WebSocketUri,
    string Token,
    Guid CallId,
    string Database,
    string Redis,
    int Subscribers,
    int WarmUpChanges,
    int Changes,
    double ChangesPerSecond)
{
    public static FanOutSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
        int Number(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        return new FanOutSettings(
            new Uri(Required("ws")),
            Required("token"),
            Guid.Parse(Required("call-id")),
            Required("db"),
            Required("redis"),
            Number("subscribers", 1_000),
            Number("warm-up", 300),
            Number("changes", 500),
            values.TryGetValue("rate", out var rate) ? double.Parse(rate, CultureInfo.InvariantCulture) : 100);
    }

    /// <summary>The call's version after the last change (it starts at 1; each change adds one).</summary>
    public int LastVersion => 1 + WarmUpChanges + Changes;

    public int FirstMeasuredVersion => 2 + WarmUpChanges;
}
