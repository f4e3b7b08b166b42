using CallCenter.Persistence.Consumption;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallCenter.Persistence.Health;

/// <summary>Ready when the schema is migrated and batches commit. PostgreSQL, Redis and blob storage have checks of their own.</summary>
internal sealed class PersistenceHealthCheck(DatabaseReadiness readiness, ConsumerState consumer) : IHealthCheck
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

        return Task.FromResult(consumer.Failure is { } failure
            ? HealthCheckResult.Degraded($"Batches are failing and being retried: {failure}", data: data)
            : HealthCheckResult.Healthy(data: data));
    }
}
