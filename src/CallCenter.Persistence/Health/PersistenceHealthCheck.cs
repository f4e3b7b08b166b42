using CallCenter.Persistence.Consumption;
using CallCenter.Persistence.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CallCenter.Persistence.Health;

/// <summary>Ready when the schema is migrated, Redis is connected and batches commit.</summary>
internal sealed class PersistenceHealthCheck(DatabaseReadiness readiness, IConnectionMultiplexer redis, ConsumerState consumer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["lastCommitAt"] = consumer.LastCommitAt?.ToString("O") ?? "never",
        };
        if (!readiness.IsReady)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Database migrations not applied yet (database unreachable?)", data: data));
        }

        if (!redis.IsConnected)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Redis is not connected", data: data));
        }

        return Task.FromResult(consumer.Failure is { } failure
            ? HealthCheckResult.Degraded($"Batches are failing and being retried: {failure}", data: data)
            : HealthCheckResult.Healthy(data: data));
    }
}
