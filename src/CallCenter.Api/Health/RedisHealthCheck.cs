using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CallCenter.Api.Health;

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Redis is not connected; live updates are paused."));
}
