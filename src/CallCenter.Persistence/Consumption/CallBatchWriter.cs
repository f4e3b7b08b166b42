using System.Data.Common;
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
            var keyOf = await EntryCallKeys.ResolveAsync(connection, entries, cancellationToken);
            var consultationKeyOf = EntryCallKeys.Consultations(entries, keyOf);
            var snapshotCandidates = await SnapshotCalls.FindCandidatesAsync(connection, entries, cancellationToken);

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
            var storedEventIds = await StoredEventIds.FindAsync(
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

            await ContactMatcher.MatchAsync(connection, npgsqlTransaction, changed.Values, cancellationToken);
            await CallRowWriter.SaveAsync(connection, npgsqlTransaction, changed.Values, cancellationToken);
            await CallEventCopier.CopyAsync(connection, newEvents, cancellationToken);
            if (recordingOptions.Value.Enabled)
            {
                outcome.RecordingsQueued = await PendingRecordings.QueueAsync(connection, npgsqlTransaction, changed.Values, now, cancellationToken);
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
}
