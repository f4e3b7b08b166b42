using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CallCenter.Contracts.Diagnostics;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CallCenter.Api.Diagnostics;

/// <summary>Reads the status records the ingestion service and the worker keep in Redis (see <see cref="ServiceStatusKeys"/>).</summary>
public sealed class ServiceStatusReader(IConnectionMultiplexer redis, IOptions<DiagnosticsOptions> options, TimeProvider time)
{
    /// <summary>Records this old belong to instances that died without removing theirs: dropped.</summary>
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);

    public Task<IReadOnlyList<IngestionStatus>> IngestionAsync() =>
        ReadAsync(ServiceStatusKeys.Ingestion(options.Value.StreamName), DiagnosticsJsonContext.Default.IngestionStatus, s => s.UpdatedAt);

    public Task<IReadOnlyList<WorkerStatus>> WorkersAsync() =>
        ReadAsync(ServiceStatusKeys.Worker(options.Value.StreamName), DiagnosticsJsonContext.Default.WorkerStatus, s => s.UpdatedAt);

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string key, JsonTypeInfo<T> type, Func<T, DateTimeOffset> updatedAt)
    {
        var database = redis.GetDatabase();
        var now = time.GetUtcNow();
        var records = new List<T>();
        foreach (var entry in await database.HashGetAllAsync(key))
        {
            T? record;
            try
            {
                record = JsonSerializer.Deserialize(entry.Value.ToString(), type);
            }
            catch (JsonException)
            {
                // Written by a different version of the service: not ours to interpret.
                continue;
            }

            if (record is null)
            {
                continue;
            }

            if (now - updatedAt(record) > Forgotten)
            {
                await database.HashDeleteAsync(key, entry.Name);
                continue;
            }

            records.Add(record);
        }

        return [.. records.OrderByDescending(updatedAt)];
    }
}
