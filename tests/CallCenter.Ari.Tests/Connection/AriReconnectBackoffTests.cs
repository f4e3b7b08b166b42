using CallCenter.Ari.Connection;

namespace CallCenter.Ari.Tests.Connection;

public sealed class AriReconnectBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    [InlineData(3, 2000)]
    [InlineData(6, 16000)]
    [InlineData(7, 30000)]
    [InlineData(50, 30000)]
    [InlineData(int.MaxValue, 30000)]
    public void Ceiling_doubles_per_attempt_up_to_the_cap(int attempt, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), AriReconnectBackoff.Ceiling(attempt, Initial, Max));
    }

    [Fact]
    public void Attempts_below_one_use_the_initial_ceiling()
    {
        Assert.Equal(Initial, AriReconnectBackoff.Ceiling(0, Initial, Max));
        Assert.Equal(Initial, AriReconnectBackoff.Ceiling(-3, Initial, Max));
    }

    [Fact]
    public void Initial_delay_above_the_cap_is_capped()
    {
        Assert.Equal(Max, AriReconnectBackoff.Ceiling(1, TimeSpan.FromMinutes(5), Max));
    }

    [Fact]
    public void Full_jitter_spans_zero_to_the_ceiling()
    {
        Assert.Equal(TimeSpan.Zero, AriReconnectBackoff.ComputeDelay(4, Initial, Max, 0));
        Assert.Equal(TimeSpan.FromSeconds(2), AriReconnectBackoff.ComputeDelay(4, Initial, Max, 0.5));
        var nearTop = AriReconnectBackoff.ComputeDelay(4, Initial, Max, 0.999);
        Assert.InRange(nearTop, TimeSpan.FromMilliseconds(3990), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void Random_delays_stay_within_bounds_and_actually_vary()
    {
        var random = new Random(12345);
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var ceiling = AriReconnectBackoff.Ceiling(attempt, Initial, Max);
            var delays = Enumerable.Range(0, 500)
                .Select(_ => AriReconnectBackoff.ComputeDelay(attempt, Initial, Max, random.NextDouble()))
                .ToList();

            Assert.All(delays, delay => Assert.InRange(delay, TimeSpan.Zero, ceiling));
            Assert.True(delays.Min() < ceiling * 0.1, $"attempt {attempt}: smallest {delays.Min()} of ceiling {ceiling}");
            Assert.True(delays.Max() > ceiling * 0.9, $"attempt {attempt}: largest {delays.Max()} of ceiling {ceiling}");
        }
    }

    [Fact]
    public void Out_of_range_random_values_are_clamped()
    {
        Assert.Equal(TimeSpan.Zero, AriReconnectBackoff.ComputeDelay(1, Initial, Max, -1));
        Assert.Equal(Initial, AriReconnectBackoff.ComputeDelay(1, Initial, Max, 7));
    }
}
