namespace CallCenter.Api.Calls;

/// <summary>
/// Aggregates of the calls that started in a bucket. Answered calls are status answered or completed; missed are
/// status missed (busy, failed and no-answer outbound calls are counted apart). Wait and talk averages are over answered calls;
/// service level = answered within the threshold / (answered + missed).
/// </summary>
public sealed record CallStatsBucket(
    string Key,
    DateTimeOffset? PeriodStart,
    int Total,
    int Answered,
    int Missed,
    int Busy,
    int Failed,
    double? AverageWaitSeconds,
    double? AverageTalkSeconds,
    int AnsweredWithinServiceLevel,
    double? ServiceLevel);
