using CallCenter.Ingestion.Streaming;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallCenter.Ingestion.Health;

/// <summary>Unhealthy while writes to Redis fail; degraded once events have been dropped.</summary>
public sealed class StreamWriterHealthCheck(StreamWriterState state, EntryBuffer buffer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["buffered"] = buffer.Count,
            ["capacity"] = buffer.Capacity,
            ["dropped"] = state.Dropped,
        };
        if (state.LastError is { } error)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Writes to the Redis stream are failing; events are buffered", error, data));
        }

        return Task.FromResult(state.Dropped > 0
            ? HealthCheckResult.Degraded($"{state.Dropped} events were dropped while Redis was unavailable", data: data)
            : HealthCheckResult.Healthy("Writing to the Redis stream", data));
    }
}
