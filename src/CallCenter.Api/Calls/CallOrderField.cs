namespace CallCenter.Api.Calls;

public enum CallOrderField
{
    StartedAt,
    Duration,
}
