using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CallCenter.Ingestion.Benchmarks;

/// <summary>redis-benchmark's XADD rate on the same server: the ceiling for any writer.</summary>
internal static partial class RedisBenchmark
{
    public sealed record Ceiling(double RequestsPerSecond, int PayloadBytes);

    public static async Task<Ceiling> XaddCeilingAsync(int port, int sampleEventBytes)
    {
        var payload = new string('x', sampleEventBytes);
        var startInfo = new ProcessStartInfo("redis-benchmark") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-n", "200000", "-P", "64", "-q", "XADD", "bench:ceiling", "MAXLEN", "~", "1000000", "*", "d", payload })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var match = RequestsPerSecond().Match(output);
        return match.Success
            ? new Ceiling(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), sampleEventBytes)
            : throw new InvalidOperationException($"Unexpected redis-benchmark output: {output}");
    }

    [GeneratedRegex(@"([0-9.]+) requests per second")]
    private static partial Regex RequestsPerSecond();
}
