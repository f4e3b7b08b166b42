using System.Diagnostics;
using CallCenter.Ari.Events;
using CallCenter.Contracts;
using CallCenter.Persistence.Calls;
using CallCenter.Data;
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
    public async Task<BatchOutcome> WriteAsync(IReadOnlyList<StreamBatchEntry> entries, BatchTimings timings, CancellationToken cancellationToken)
    {
        var since = Stopwatch.GetTimestamp();
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
            var keyOf = await EntryCallKeys.ResolveAsync(connection, entries, cancellationToken);
            var consultationKeyOf = EntryCallKeys.Consultations(entries, keyOf);
            var snapshotCandidates = await SnapshotCalls.FindCandidatesAsync(connection, entries, cancellationToken);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var npgsqlTransaction = (NpgsqlTransaction)transaction.GetDbTransaction();
            since = timings.Lap(BatchPhase.Resolve, since);

            var firstSeen = new Dictionary<CallKey, DateTimeOffset>();
            foreach (var entry in entries)
            {
                if (keyOf[entry.StreamId] is { } key && !firstSeen.ContainsKey(key))
                {
                    firstSeen[key] = entry.OccurredAt;
                }
            }

            var now = time.GetUtcNow();
            var calls = await CallRows.LockAndLoadAsync(connection, npgsqlTransaction, [.. firstSeen.Keys.Union(snapshotCandidates).Union(consultationKeyOf.Values)], cancellationToken);
            var created = new Dictionary<Guid, Call>();
            foreach (var (key, seen) in firstSeen)
            {
                if (!calls.ContainsKey(key))
                {
                    var call = CallRows.New(key, seen, now);
                    calls[key] = call;
                    created[call.Id] = call;
                }
            }

            // A call not stored yet has no stored events either (events reference their call), so only the entries of
            // calls that already existed need the duplicate check.
            var storedEventIds = await StoredEventIds.FindAsync(
                connection,
                npgsqlTransaction,
                entries.Where(e => e.Event is not null && keyOf[e.StreamId] is { } key && calls.TryGetValue(key, out var call) && !created.ContainsKey(call.Id)),
                cancellationToken);

            var rules = await agents.GetRulesAsync(db, options.Value, recordingOptions.Value, cancellationToken);
            since = timings.Lap(BatchPhase.Lock, since);
            var stateMachine = new CallStateMachine(rules);
            var changed = new Dictionary<Guid, Call>();
            var newEvents = new List<CallEvent>();

            foreach (var entry in entries)
            {
                if (entry.Snapshot is { } snapshot)
                {
                    SnapshotCalls.Apply(entry, snapshot, calls.Values, changed);
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
                        EventId = ColumnText.Truncate(entry.Entry.EventId, 128),
                        StreamId = entry.StreamId,
                        Type = ColumnText.Truncate(entry.Entry.Type.Length > 0 ? entry.Entry.Type : entry.Event!.Type, 64),
                        OccurredAt = entry.OccurredAt,
                        ReceivedAt = entry.Entry.ReceivedAt,
                        ChannelId = ColumnText.Truncate(entry.Entry.ChannelId, 128),
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
                    outcome.Poison.Add(new PoisonEntry(entry.StreamId, entry.Fields, $"cannot apply: {ex.GetType().Name}: {ex.Message}"));
                }
            }

            foreach (var call in changed.Values)
            {
                stateMachine.Summarize(call);
                call.AgentId = call.AgentExtension is { } extension ? rules.AgentIdOf(extension) : null;
                call.Version++;
                call.UpdatedAt = now;
            }

            await ContactMatcher.MatchAsync(connection, npgsqlTransaction, changed.Values, cancellationToken);
            since = timings.Lap(BatchPhase.Apply, since);
            await CallRowWriter.SaveAsync(connection, npgsqlTransaction, created.Values, [.. changed.Values.Where(c => !created.ContainsKey(c.Id))], cancellationToken);
            if (recordingOptions.Value.Enabled)
            {
                outcome.RecordingsQueued = await PendingRecordings.QueueAsync(connection, npgsqlTransaction, changed.Values, now, cancellationToken);
            }

            since = timings.Lap(BatchPhase.Save, since);
            await CallEventCopier.CopyAsync(connection, newEvents, cancellationToken);
            since = timings.Lap(BatchPhase.Copy, since);
            await transaction.CommitAsync(cancellationToken);
            timings.Lap(BatchPhase.Commit, since);

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
}
