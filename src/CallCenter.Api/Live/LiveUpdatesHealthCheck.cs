using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallCenter.Api.Live;

/// <summary>Ready once the hub listens for the worker's notices: before that, subscribers would miss changes.</summary>
internal sealed class LiveUpdatesHealthCheck(CallChangeHub hub) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(hub.Listening.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Not yet subscribed to the call change notices on Redis."));
}
