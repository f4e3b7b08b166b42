using System.Globalization;

namespace CallCenter.Persistence.Tests;

/// <summary>Everything a test worker needs, as configuration keys (the AppHost passes the same ones as environment variables).</summary>
public sealed record WorkerSettings(string Database, string Redis, string Stream, string ConsumerName)
{
    public string? Blobs { get; init; }
    public Uri? AriBaseUrl { get; init; }
    public string AriUsername { get; init; } = "";
    public string AriPassword { get; init; } = "";
    public bool Recordings { get; init; }
    public int BatchSize { get; init; } = 200;
    public TimeSpan ClaimMinIdle { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan ClaimInterval { get; init; } = TimeSpan.FromSeconds(1);
    public string RecordingSpool { get; init; } = "/var/spool/asterisk/recording/";
    public int RetentionDays { get; init; }
    public TimeSpan KeepCommittedFor { get; init; } = TimeSpan.FromMinutes(1);

    public string DeadLetterStream => Stream + ":dead";
    public string NoticeChannel => Stream + ":changes";

    public Dictionary<string, string?> ToConfiguration()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:callcenterdb"] = Database,
            ["ConnectionStrings:redis"] = Redis,
            ["ConnectionStrings:blobs"] = Blobs ?? "UseDevelopmentStorage=true",
            ["Persistence:StreamName"] = Stream,
            ["Persistence:DeadLetterStreamName"] = DeadLetterStream,
            ["Persistence:NoticeChannel"] = NoticeChannel,
            ["Persistence:ConsumerGroup"] = "persistence",
            ["Persistence:ConsumerName"] = ConsumerName,
            ["Persistence:BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
            ["Persistence:PollInterval"] = "00:00:00.050",
            ["Persistence:ClaimMinIdle"] = ClaimMinIdle.ToString("c", CultureInfo.InvariantCulture),
            ["Persistence:ClaimInterval"] = ClaimInterval.ToString("c", CultureInfo.InvariantCulture),
            ["Persistence:InitialRetryDelay"] = "00:00:00.200",
            ["Persistence:MaxRetryDelay"] = "00:00:01",
            ["Persistence:KeepCommittedFor"] = KeepCommittedFor.ToString("c", CultureInfo.InvariantCulture),
            ["Persistence:TrimInterval"] = "00:00:00.200",
            ["Recordings:Enabled"] = Recordings ? "true" : "false",
            ["Recordings:PollInterval"] = "00:00:00.200",
            ["Recordings:InitialRetryDelay"] = "00:00:00.300",
            ["Recordings:MaxRetryDelay"] = "00:00:01",
            ["Recordings:AttemptsBeforeReportingFailure"] = "3",
            ["Recordings:SpoolDirectory"] = RecordingSpool,
            ["Retention:Days"] = RetentionDays.ToString(CultureInfo.InvariantCulture),
            ["Retention:Interval"] = "00:00:01",
            ["Ari:BaseUrl"] = (AriBaseUrl ?? new Uri("http://127.0.0.1:9/ari/")).AbsoluteUri,
            ["Ari:Username"] = AriUsername,
            ["Ari:Password"] = AriPassword,
        };
        return settings;
    }

    /// <summary>The same settings as environment variables, for a worker run as its own process.</summary>
    public Dictionary<string, string> ToEnvironment() =>
        ToConfiguration().Where(p => p.Value is not null).ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value!);
}
