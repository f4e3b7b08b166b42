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

            var created = await CallRows.InsertMissingAsync(connection, npgsqlTransaction, firstSeen, cancellationToken);
            var calls = await CallRows.LockAndLoadAsync(connection, npgsqlTransaction, [.. firstSeen.Keys.Union(snapshotCandidates).Union(consultationKeyOf.Values)], cancellationToken);

            // A call this transaction created has no stored events yet (events reference their call), so
            // only the entries of calls that already existed need the duplicate check.
            var storedEventIds = await FindStoredEventIdsAsync(
                connection,
                npgsqlTransaction,
                entries.Where(e => e.Event is not null && keyOf[e.StreamId] is { } key && calls.TryGetValue(key, out var call) && !created.Contains(call.Id)),
                cancellationToken);

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

            await MatchContactsAsync(connection, npgsqlTransaction, changed.Values, cancellationToken);
            await CallRows.SaveAsync(connection, npgsqlTransaction, changed.Values, cancellationToken);
            await CallRows.CopyEventsAsync(connection, newEvents, cancellationToken);
            if (recordingOptions.Value.Enabled)
            {
                outcome.RecordingsQueued = await QueueRecordingsAsync(connection, npgsqlTransaction, changed.Values, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);

            foreach (var call in changed.Values)
            {
                outcome.Notices.Add(CommittedCallState.NoticeOf(call, now));
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

    private static async Task<HashSet<string>> FindStoredEventIdsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<StreamBatchEntry> entries, CancellationToken cancellationToken)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var eventIds = entries.Select(e => e.Entry.EventId).Distinct().ToArray();
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

    private static async Task MatchContactsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<Call> calls, CancellationToken cancellationToken)
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

        var contacts = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT phone_number, id FROM contacts WHERE phone_number = ANY($1)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. wanted.Select(p => p.Number!).Distinct()] });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                contacts[reader.GetString(0)] = reader.GetGuid(1);
            }
        }

        foreach (var (call, number) in wanted)
        {
            if (contacts.TryGetValue(number!, out var contactId))
            {
                call.ContactId = contactId;
            }
        }
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
