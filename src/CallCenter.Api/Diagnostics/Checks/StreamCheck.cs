using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CallCenter.Api.Diagnostics.Checks;

/// <summary>5. The Redis stream: its length, the worker's consumer group (lag, pending, oldest pending) and dead letters.</summary>
public sealed class StreamCheck(IConnectionMultiplexer redis, IOptions<DiagnosticsOptions> options, TimeProvider time) : IDiagnosticCheck
{
    public int Order => 5;

    public string Name => "Redis stream";

    public async Task<DiagnosticCheck> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var result = new CheckResult(Name, time);
        var database = redis.GetDatabase();
        try
        {
            if (!await database.KeyExistsAsync(settings.StreamName))
            {
                result.Saw("stream", $"{settings.StreamName} does not exist");
                result.Problem(DiagnosticStatus.Warning, $"The stream {settings.StreamName} does not exist yet: the ingestion service has written nothing.",
                    "See the Ingestion check; the stream name must be the same for the ingestion service (Ingestion__StreamName), the worker (Persistence__StreamName) and the API (Diagnostics__StreamName).");
                return result.Build("");
            }

            var info = await database.StreamInfoAsync(settings.StreamName);
            result.Saw("length", $"{Count(info.Length)} entries in {settings.StreamName}");
            var deadLetters = await database.StreamLengthAsync(settings.DeadLetterStreamName);
            result.Saw("dead letters", $"{Count(deadLetters)} in {settings.DeadLetterStreamName}");
            await JudgeGroupAsync(database, result, settings);
            if (deadLetters > 0)
            {
                result.Problem(DiagnosticStatus.Warning, $"{Count(deadLetters)} entries are in the dead-letter stream: events that could not be read or stored.",
                    $"Look at them with: redis-cli XREVRANGE {settings.DeadLetterStreamName} + - COUNT 10 (each has a reason); once understood, remove them with: redis-cli DEL {settings.DeadLetterStreamName}");
            }

            return result.Build($"{Count(info.Length)} entries; the worker keeps up.");
        }
        catch (Exception exception) when (exception is RedisConnectionException or RedisTimeoutException)
        {
            result.Saw("error", exception.Message);
            result.Problem(DiagnosticStatus.Failed, $"Redis cannot be reached: {exception.Message}",
                "Start Redis, or fix ConnectionStrings__redis (the same Redis for all services). Meanwhile the ingestion service keeps events in memory (Ingestion:BufferCapacity) and writes them once Redis is back.");
            return result.Build("");
        }
    }

    private async Task JudgeGroupAsync(IDatabase database, CheckResult result, DiagnosticsOptions settings)
    {
        var group = (await database.StreamGroupInfoAsync(settings.StreamName)).FirstOrDefault(g => g.Name == settings.ConsumerGroup);
        if (group.Name is null)
        {
            result.Saw("consumer group", $"no group '{settings.ConsumerGroup}'");
            result.Problem(DiagnosticStatus.Failed, $"No consumer group '{settings.ConsumerGroup}': the worker has never read this stream.",
                "Start the persistence worker (CallCenter.Persistence); its Persistence__StreamName and Persistence__ConsumerGroup must match Diagnostics__StreamName and Diagnostics__ConsumerGroup.");
            return;
        }

        var lag = group.Lag ?? await CountUndeliveredAsync(database, settings, group.LastDeliveredId);
        var now = time.GetUtcNow();
        result.Saw("consumer group", $"{group.Name}: {group.ConsumerCount} consumers, last delivered {group.LastDeliveredId}");
        result.Saw("lag", $"{Count(lag)} entries not yet delivered{(group.Lag is null ? " (counted, at most LagFailure)" : "")}");
        result.Saw("pending", $"{Count(group.PendingMessageCount)} delivered, not acknowledged");
        TimeSpan? oldestAge = null;
        if (group.PendingMessageCount > 0)
        {
            var pending = await database.StreamPendingAsync(settings.StreamName, settings.ConsumerGroup);
            if (EntryTime(pending.LowestPendingMessageId) is { } written)
            {
                oldestAge = now - written;
                result.Saw("oldest pending", $"{pending.LowestPendingMessageId}, written {Age.Of(oldestAge.Value)} ago");
            }
        }

        var lagFix = "The worker is behind: see the Worker check (is it running, are its commits failing?). Add worker replicas when it cannot keep up (they share the consumer group).";
        if (lag >= settings.LagFailure)
        {
            result.Problem(DiagnosticStatus.Failed, $"The worker is {Count(lag)} entries behind (FAILED from {Count(settings.LagFailure)}): new calls reach the log late or not at all.", lagFix);
        }
        else if (lag >= settings.LagWarning)
        {
            result.Problem(DiagnosticStatus.Warning, $"The worker is {Count(lag)} entries behind (WARNING from {Count(settings.LagWarning)}).", lagFix);
        }

        var pendingFix = "Entries stay pending while the worker that took them is stuck or dead; another worker claims them after Persistence:ClaimMinIdle. See the Worker check.";
        if (oldestAge >= settings.PendingAgeFailure)
        {
            result.Problem(DiagnosticStatus.Failed, $"An entry has waited {Age.Of(oldestAge.Value)} for its worker to acknowledge it.", pendingFix);
        }
        else if (oldestAge >= settings.PendingAgeWarning)
        {
            result.Problem(DiagnosticStatus.Warning, $"An entry has waited {Age.Of(oldestAge.Value)} for its worker to acknowledge it.", pendingFix);
        }
    }

    /// <summary>Redis cannot tell the lag after some trims: count what follows the last delivered id, up to the failure threshold.</summary>
    private static async Task<long> CountUndeliveredAsync(IDatabase database, DiagnosticsOptions settings, RedisValue lastDelivered) =>
        (await database.StreamRangeAsync(settings.StreamName, "(" + lastDelivered, "+", (int)Math.Min(settings.LagFailure, 100_000))).Length;

    /// <summary>A stream id's first part is the Unix time in milliseconds it was written.</summary>
    private static DateTimeOffset? EntryTime(RedisValue id) =>
        id.ToString().Split('-')[0] is var millis && long.TryParse(millis, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? DateTimeOffset.FromUnixTimeMilliseconds(value)
            : null;

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
