using System.Globalization;

namespace CallCenter.Api.Diagnostics;

/// <summary>Times and ages in the words the checks use ("12:03:04 UTC, 5 s ago").</summary>
internal static class Age
{
    public static string Of(TimeSpan span) => span.TotalSeconds switch
    {
        < 0 => "0 s",
        < 120 => $"{span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s",
        < 7200 => $"{span.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)} min",
        < 172800 => $"{span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h",
        _ => $"{span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days",
    };

    public static string When(DateTimeOffset? at, DateTimeOffset now) => at is { } value
        ? $"{value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC ({Of(now - value)} ago)"
        : "never";
}
