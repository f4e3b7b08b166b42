namespace CallCenter.Persistence.Consumption;

/// <summary>Doubling retry delays, capped (<see cref="PersistenceOptions.MaxRetryDelay"/>).</summary>
internal static class RetryBackoff
{
    public static TimeSpan Next(TimeSpan delay, TimeSpan max) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, max.Ticks));
}
