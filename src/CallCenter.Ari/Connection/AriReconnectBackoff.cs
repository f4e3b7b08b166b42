namespace CallCenter.Ari.Connection;

/// <summary>
/// Exponential backoff with full jitter: a uniform delay in [0, min(max, initial * 2^(attempt-1))).
/// Full jitter spreads reconnects of many replicas after an Asterisk restart.
/// </summary>
public static class AriReconnectBackoff
{
    // 2^30 times any sensible initial delay is already far above any cap; stops overflow.
    private const int MaxDoublings = 30;

    /// <summary>The upper bound of the delay before attempt number <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan Ceiling(int attempt, TimeSpan initialDelay, TimeSpan maxDelay)
    {
        if (initialDelay <= TimeSpan.Zero || maxDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Clamp(attempt - 1, 0, MaxDoublings);
        var ceilingTicks = Math.Min((double)maxDelay.Ticks, initialDelay.Ticks * Math.Pow(2, doublings));
        return TimeSpan.FromTicks((long)ceilingTicks);
    }

    /// <param name="attempt">1 for the first retry after a success or start.</param>
    /// <param name="unitRandom">A uniform random value in [0, 1), e.g. <see cref="Random.NextDouble"/>.</param>
    public static TimeSpan ComputeDelay(int attempt, TimeSpan initialDelay, TimeSpan maxDelay, double unitRandom)
    {
        var fraction = Math.Clamp(unitRandom, 0d, 1d);
        return TimeSpan.FromTicks((long)(Ceiling(attempt, initialDelay, maxDelay).Ticks * fraction));
    }
}
