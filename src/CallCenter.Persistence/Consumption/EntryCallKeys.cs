using CallCenter.Ari.Events;
using CallCenter.Persistence.Calls;
using Npgsql;

namespace CallCenter.Persistence.Consumption;

/// <summary>Which call each entry of a batch belongs to, and which other call an attended transfer also touches.</summary>
internal static class EntryCallKeys
{
    /// <summary>The call of each entry by stream id; null for a snapshot or an entry no call can be found for.</summary>
    public static async Task<Dictionary<string, CallKey?>> ResolveAsync(
        NpgsqlConnection connection, IReadOnlyList<StreamBatchEntry> entries, CancellationToken cancellationToken)
    {
        var recordingOwners = await ResolveRecordingOwnersAsync(connection, entries, cancellationToken);
        return entries.ToDictionary(e => e.StreamId, e => KeyOf(e, recordingOwners));
    }

    /// <summary>The consultation call of each successful attended transfer, by the transfer's stream id.</summary>
    public static Dictionary<string, CallKey> Consultations(IReadOnlyList<StreamBatchEntry> entries, Dictionary<string, CallKey?> keyOf) =>
        entries
            .Where(e => e.Event is not null && keyOf[e.StreamId] is not null)
            .Select(e => (e.StreamId, Key: CallStateMachine.ConsultationCallKey(e.Event!, keyOf[e.StreamId]!.Value.Key)))
            .Where(p => p.Key is not null)
            .ToDictionary(p => p.StreamId, p => new CallKey(keyOf[p.StreamId]!.Value.AsteriskId, ColumnText.Truncate(p.Key!, 64)));

    private static CallKey? KeyOf(StreamBatchEntry entry, Dictionary<string, CallKey> recordingOwners)
    {
        if (entry.Event is null)
        {
            return null;
        }

        if (entry.Entry.CallKey is { Length: > 0 } callKey)
        {
            return new CallKey(ColumnText.Truncate(entry.AsteriskId, 64), ColumnText.Truncate(callKey, 64));
        }

        return RecordingChannel(entry.Event) is { } channelId && recordingOwners.TryGetValue(channelId, out var owner) ? owner : null;
    }

    /// <summary>True for an entry whose call is found only through the database: a recording event without a call key.</summary>
    public static bool NeedsLookup(StreamBatchEntry entry) =>
        entry.Event is not null && string.IsNullOrEmpty(entry.Entry.CallKey) && RecordingChannel(entry.Event) is not null;

    /// <summary>Recording events name their target ("channel:ID"), not a call.</summary>
    private static string? RecordingChannel(AriEvent ariEvent)
    {
        var targetUri = ariEvent switch
        {
            RecordingStarted e => e.Recording.TargetUri,
            RecordingFinished e => e.Recording.TargetUri,
            RecordingFailed e => e.Recording.TargetUri,
            _ => null,
        };
        const string prefix = "channel:";
        return targetUri is not null && targetUri.StartsWith(prefix, StringComparison.Ordinal) ? targetUri[prefix.Length..] : null;
    }

    private static async Task<Dictionary<string, CallKey>> ResolveRecordingOwnersAsync(
        NpgsqlConnection connection, IReadOnlyList<StreamBatchEntry> entries, CancellationToken cancellationToken)
    {
        var channelIds = entries
            .Where(e => e.Event is not null && string.IsNullOrEmpty(e.Entry.CallKey))
            .Select(e => RecordingChannel(e.Event!))
            .OfType<string>()
            .Distinct()
            .ToArray();
        var owners = new Dictionary<string, CallKey>(StringComparer.Ordinal);
        if (channelIds.Length == 0)
        {
            return owners;
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT l.channel_id, c.asterisk_id, c.call_key
            FROM call_legs l JOIN calls c ON c.id = l.call_id
            WHERE l.channel_id = ANY(@channels)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("channels", channelIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            owners[reader.GetString(0)] = new CallKey(reader.GetString(1), reader.GetString(2));
        }

        return owners;
    }
}
