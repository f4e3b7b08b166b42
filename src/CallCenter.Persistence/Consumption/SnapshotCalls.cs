using CallCenter.Contracts;
using CallCenter.Persistence.Calls;
using CallCenter.Data;
using Npgsql;

namespace CallCenter.Persistence.Consumption;

/// <summary>A channel snapshot (taken after the ingestion service reconnected) closes the open calls it no longer shows.</summary>
internal static class SnapshotCalls
{
    /// <summary>The open calls a snapshot of the batch may speak for (started before it was taken).</summary>
    public static async Task<HashSet<CallKey>> FindCandidatesAsync(
        NpgsqlConnection connection, IReadOnlyList<StreamBatchEntry> entries, CancellationToken cancellationToken)
    {
        var candidates = new HashSet<CallKey>();
        foreach (var entry in entries.Where(e => e.Snapshot is not null))
        {
            // A snapshot taken before the ingestion service saw any event carries no Asterisk id; it can
            // still speak for the open calls when they all belong to one PBX (the usual installation).
            await using var command = new NpgsqlCommand(
                entry.AsteriskId.Length > 0
                    ? "SELECT asterisk_id, call_key FROM calls WHERE ended_at IS NULL AND asterisk_id = @asterisk AND started_at < @taken"
                    : """
                      SELECT asterisk_id, call_key FROM calls
                      WHERE ended_at IS NULL AND started_at < @taken
                        AND (SELECT count(DISTINCT asterisk_id) FROM calls WHERE ended_at IS NULL) = 1
                      """,
                connection);
            command.Parameters.Add(new NpgsqlParameter<string>("asterisk", entry.AsteriskId));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("taken", entry.Snapshot!.TakenAt));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(new CallKey(reader.GetString(0), reader.GetString(1)));
            }
        }

        return candidates;
    }

    /// <summary>Reconciles every open call of the snapshot's PBX none of whose channels it shows.</summary>
    public static void Apply(StreamBatchEntry entry, ChannelSnapshot snapshot, IEnumerable<Call> calls, Dictionary<Guid, Call> changed)
    {
        var liveChannels = snapshot.Channels.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var liveCalls = snapshot.Channels.Select(c => c.CallKey).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var vanished = call.EndedAt is null
                && (call.AsteriskId == entry.AsteriskId || entry.AsteriskId.Length == 0)
                && call.StartedAt < snapshot.TakenAt
                && !liveCalls.Contains(call.CallKey)
                && !call.Legs.Any(l => liveChannels.Contains(l.ChannelId));
            if (vanished)
            {
                CallStateMachine.Reconcile(call, snapshot.TakenAt);
                changed[call.Id] = call;
            }
        }
    }
}
