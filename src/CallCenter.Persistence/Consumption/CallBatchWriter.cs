using System.Data.Common;
using CallCenter.Ari.Events;
using CallCenter.Contracts;
using CallCenter.Persistence.Calls;
using CallCenter.Persistence.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using StackExchange.Redis;

namespace CallCenter.Persistence.Consumption;

/// <summary>
/// Applies a batch of stream entries to the call log in ONE transaction. Several workers may apply
/// batches at once: the calls a batch touches are locked (in a fixed order, so two batches cannot
/// deadlock each other), and an event whose id is already stored is skipped, so redelivery and
/// competing consumers never count anything twice.
/// </summary>
internal sealed class CallBatchWriter(
    CallCenterDbContext db,
    AgentDirectory agents,
    IOptions<PersistenceOptions> options,
    IOptions<Recordings.RecordingOptions> recordingOptions,
    TimeProvider time)
{
    public async Task<BatchOutcome> WriteAsync(IReadOnlyList<StreamBatchEntry> entries, CancellationToken cancellationToken)
    {
        var outcome = new BatchOutcome();
        if (entries.Count == 0)
        {
            return outcome;
        }

        db.ChangeTracker.Clear();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var recordingOwners = await ResolveRecordingOwnersAsync(connection, entries, cancellationToken);
            var keyOf = entries.ToDictionary(e => e.StreamId, e => KeyOf(e, recordingOwners));
            var consultationKeyOf = entries
                .Where(e => e.Event is not null && keyOf[e.StreamId] is not null)
                .Select(e => (e.StreamId, Key: CallStateMachine.ConsultationCallKey(e.Event!, keyOf[e.StreamId]!.Value.Key)))
                .Where(p => p.Key is not null)
                .ToDictionary(p => p.StreamId, p => new CallKey(keyOf[p.StreamId]!.Value.AsteriskId, CallStateMachine.Truncate(p.Key!, 64)));
            var snapshotCandidates = await FindSnapshotCandidatesAsync(connection, entries, cancellationToken);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();

            var firstSeen = new Dictionary<CallKey, DateTimeOffset>();
            foreach (var entry in entries)
            {
                if (keyOf[entry.StreamId] is { } key && !firstSeen.ContainsKey(key))
                {
                    firstSeen[key] = entry.OccurredAt;
                }
            }

            await InsertMissingCallsAsync(connection, npgsqlTransaction, firstSeen, cancellationToken);
            var calls = await LockAndLoadCallsAsync(connection, npgsqlTransaction, [.. firstSeen.Keys.Union(snapshotCandidates).Union(consultationKeyOf.Values)], cancellationToken);
            var storedEventIds = await FindStoredEventIdsAsync(connection, npgsqlTransaction, entries, cancellationToken);

            var rules = await agents.GetRulesAsync(db, options.Value, recordingOptions.Value, cancellationToken);
            var stateMachine = new CallStateMachine(rules);
            var changed = new Dictionary<Guid, Call>();
            var newEvents = new List<CallEvent>();

            foreach (var entry in entries)
            {
                if (entry.Snapshot is { } snapshot)
                {
                    ApplySnapshot(entry, snapshot, calls.Values, changed);
                    continue;
                }

                if (keyOf[entry.StreamId] is not { } key || !calls.TryGetValue(key, out var call))
                {
                    outcome.Ignored++;
                    continue;
                }

                if (!storedEventIds.Add(entry.Entry.EventId))
                {
                    outcome.Duplicates++;
                    continue;
                }

                try
                {
                    var details = stateMachine.Apply(call, entry.Event!, entry.OccurredAt);
                    newEvents.Add(new CallEvent
                    {
                        CallId = call.Id,
                        EventId = CallStateMachine.Truncate(entry.Entry.EventId, 128),
                        StreamId = entry.StreamId,
                        Type = CallStateMachine.Truncate(entry.Entry.Type.Length > 0 ? entry.Entry.Type : entry.Event!.Type, 64),
                        OccurredAt = entry.OccurredAt,
                        ReceivedAt = entry.Entry.ReceivedAt,
                        ChannelId = CallStateMachine.Truncate(entry.Entry.ChannelId, 128),
                        Details = details,
                    });
                    if (call.LastStreamId is null || StreamIds.Compare(entry.StreamId, call.LastStreamId) > 0)
                    {
                        call.LastStreamId = entry.StreamId;
                    }

                    changed[call.Id] = call;
                    if (consultationKeyOf.TryGetValue(entry.StreamId, out var consultationKey)
                        && calls.TryGetValue(consultationKey, out var consultation))
                    {
                        CallStateMachine.ApplyAsConsultation(consultation, (BridgeAttendedTransfer)entry.Event!, entry.OccurredAt);
                        changed[consultation.Id] = consultation;
                    }

                    outcome.Applied++;
                }
                catch (Exception ex)
                {
                    outcome.Poison.Add(new PoisonEntry(entry.StreamId, [.. entry.Entry.ToFields().Select(f => new NameValueEntry(f.Key, f.Value))], $"cannot apply: {ex.GetType().Name}: {ex.Message}"));
                }
            }

            var now = time.GetUtcNow();
            foreach (var call in changed.Values)
            {
                stateMachine.Summarize(call);
                call.AgentId = call.AgentExtension is { } extension ? rules.AgentIdOf(extension) : null;
                call.Version++;
                call.UpdatedAt = now;
            }

            await MatchContactsAsync(changed.Values, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await InsertEventsAsync(connection, npgsqlTransaction, newEvents, cancellationToken);
            if (recordingOptions.Value.Enabled)
            {
                outcome.RecordingsQueued = await QueueRecordingsAsync(connection, npgsqlTransaction, changed.Values, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);

            foreach (var call in changed.Values)
            {
                outcome.Notices.Add(new CallChangeNotice(call.Id, call.Status.ToString().ToLowerInvariant(), call.Version, now));
            }

            return outcome;
        }
        finally
        {
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync();
        }
    }

    private static CallKey? KeyOf(StreamBatchEntry entry, Dictionary<string, CallKey> recordingOwners)
    {
        if (entry.Event is null)
        {
            return null;
        }

        if (entry.Entry.CallKey is { Length: > 0 } callKey)
        {
            return new CallKey(CallStateMachine.Truncate(entry.AsteriskId, 64), CallStateMachine.Truncate(callKey, 64));
        }

        return RecordingChannel(entry.Event) is { } channelId && recordingOwners.TryGetValue(channelId, out var owner) ? owner : null;
    }

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

    private static async Task<HashSet<CallKey>> FindSnapshotCandidatesAsync(
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

    private static async Task InsertMissingCallsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Dictionary<CallKey, DateTimeOffset> firstSeen, CancellationToken cancellationToken)
    {
        if (firstSeen.Count == 0)
        {
            return;
        }

        // Sorted like the lock below, so concurrent inserts of the same new calls cannot deadlock.
        var ordered = firstSeen.OrderBy(p => p.Key.AsteriskId, StringComparer.Ordinal).ThenBy(p => p.Key.Key, StringComparer.Ordinal).ToList();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO calls (id, asterisk_id, call_key, direction, status, started_at, transfer_count, hold_count, hold_seconds, reconciled, version, updated_at)
            SELECT id, asterisk_id, call_key, 'inbound', 'ringing', started_at, 0, 0, 0, false, 0, now()
            FROM unnest(@ids, @asterisks, @keys, @started) AS t(id, asterisk_id, call_key, started_at)
            ON CONFLICT (asterisk_id, call_key) DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. ordered.Select(_ => Guid.CreateVersion7())]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("asterisks", [.. ordered.Select(p => p.Key.AsteriskId)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("keys", [.. ordered.Select(p => p.Key.Key)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("started", [.. ordered.Select(p => p.Value)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<Dictionary<CallKey, Call>> LockAndLoadCallsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CallKey[] keys, CancellationToken cancellationToken)
    {
        if (keys.Length == 0)
        {
            return [];
        }

        var ids = new List<Guid>(keys.Length);
        await using (var command = new NpgsqlCommand(
            """
            SELECT c.id FROM calls c
            JOIN unnest(@asterisks, @keys) AS k(asterisk_id, call_key) ON c.asterisk_id = k.asterisk_id AND c.call_key = k.call_key
            ORDER BY c.asterisk_id, c.call_key
            FOR UPDATE OF c
            """, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("asterisks", [.. keys.Select(k => k.AsteriskId)]));
            command.Parameters.Add(new NpgsqlParameter<string[]>("keys", [.. keys.Select(k => k.Key)]));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        // Read after the lock: under READ COMMITTED this sees every change committed before we got it.
        var calls = await db.Calls.Include(c => c.Legs).Where(c => ids.Contains(c.Id)).AsSplitQuery().ToListAsync(cancellationToken);
        return calls.ToDictionary(c => new CallKey(c.AsteriskId, c.CallKey));
    }

    private static async Task<HashSet<string>> FindStoredEventIdsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StreamBatchEntry> entries, CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var eventIds = entries.Where(e => e.Event is not null).Select(e => e.Entry.EventId).Distinct().ToArray();
        if (eventIds.Length == 0)
        {
            return stored;
        }

        await using var command = new NpgsqlCommand("SELECT event_id FROM call_events WHERE event_id = ANY(@ids)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", eventIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(reader.GetString(0));
        }

        return stored;
    }

    private static void ApplySnapshot(StreamBatchEntry entry, ChannelSnapshot snapshot, IEnumerable<Call> calls, Dictionary<Guid, Call> changed)
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

    private async Task MatchContactsAsync(IEnumerable<Call> calls, CancellationToken cancellationToken)
    {
        var wanted = calls
            .Where(c => c.ContactId is null)
            .Select(c => (Call: c, Number: PhoneNumbers.Normalize(c.Direction == CallDirection.Inbound ? c.CallerNumber : c.Direction == CallDirection.Outbound ? c.DialedNumber : null)))
            .Where(p => p.Number is not null)
            .ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var numbers = wanted.Select(p => p.Number!).Distinct().ToList();
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => numbers.Contains(c.PhoneNumber))
            .Select(c => new { c.Id, c.PhoneNumber })
            .ToDictionaryAsync(c => c.PhoneNumber, c => c.Id, cancellationToken);
        foreach (var (call, number) in wanted)
        {
            if (contacts.TryGetValue(number!, out var contactId))
            {
                call.ContactId = contactId;
            }
        }
    }

    private static async Task InsertEventsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<CallEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO call_events (call_id, event_id, stream_id, type, occurred_at, received_at, channel_id, details)
            SELECT * FROM unnest(@calls, @eventIds, @streamIds, @types, @occurred, @received, @channels, @details::jsonb[])
            ON CONFLICT (event_id) DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("calls", [.. events.Select(e => e.CallId)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("eventIds", [.. events.Select(e => e.EventId)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("streamIds", [.. events.Select(e => e.StreamId)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("types", [.. events.Select(e => e.Type)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("occurred", [.. events.Select(e => e.OccurredAt)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("received", [.. events.Select(e => e.ReceivedAt)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string?[]>("channels", [.. events.Select(e => e.ChannelId)]));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("details", [.. events.Select(e => e.Details)]));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A finished call with a recording gets a pending upload row, once.</summary>
    private static async Task<int> QueueRecordingsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<Call> calls, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = calls.Where(c => c.Status.IsFinal() && c.RecordingName is not null).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO recordings (id, call_id, source_name, asterisk_id, status, created_at, attempts, next_attempt_at)
            SELECT id, call_id, source_name, asterisk_id, 'pending', @now, 0, @now
            FROM unnest(@ids, @calls, @names, @asterisks) AS t(id, call_id, source_name, asterisk_id)
            ON CONFLICT (call_id, source_name) DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", [.. due.Select(_ => Guid.CreateVersion7())]));
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("calls", [.. due.Select(c => c.Id)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("names", [.. due.Select(c => c.RecordingName!)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("asterisks", [.. due.Select(c => c.AsteriskId)]));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

internal readonly record struct CallKey(string AsteriskId, string Key);
