using CallCenter.Ari.Connection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallCenter.Ingestion.Health;

/// <summary>Ready only while the ARI WebSocket is connected: otherwise events are being missed.</summary>
public sealed class AriConnectionHealthCheck(AriEventStream events) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = events.Status;
        return Task.FromResult(status.State == AriConnectionState.Connected
            ? HealthCheckResult.Healthy($"Connected since {status.ConnectedSince:O} (connection {status.ConnectionSequence})")
            : HealthCheckResult.Unhealthy($"ARI {status.State}, attempt {status.Attempt}", status.LastError));
    }
}
