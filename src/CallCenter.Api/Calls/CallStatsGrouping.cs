namespace CallCenter.Api.Calls;

public enum CallStatsGrouping
{
    Hour,
    Day,
    Agent,
    Direction,
}
