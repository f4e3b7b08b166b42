using System.Diagnostics.Metrics;
using CallCenter.Persistence.Consumption;

namespace CallCenter.Persistence.Telemetry;

/// <summary>The worker's instruments (Meter "CallCenter.Persistence").</summary>
public sealed class PersistenceMetrics
{
    private readonly Counter<long> _eventsApplied;
    private readonly Counter<long> _duplicatesSkipped;
    private readonly Counter<long> _entriesIgnored;
    private readonly Counter<long> _callsCommitted;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _entriesClaimed;
    private readonly Counter<long> _commitFailures;
    private readonly Histogram<double> _batchDuration;
    private readonly Histogram<double> _batchPhaseDuration;
    private readonly Counter<long> _recordingsUploaded;
    private readonly Counter<long> _recordingAttemptsFailed;
    private readonly Counter<long> _recordingsFailed;
    private readonly Counter<long> _retentionDeleted;
    private readonly Counter<long> _entriesTrimmed;
    private long _lag;
    private long _pending;
    private long _recordingsBacklog;

    public PersistenceMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(PersistenceTelemetry.Name);
        _eventsApplied = meter.CreateCounter<long>("callcenter.persistence.events.applied", "{event}", "ARI events applied to calls");
        _duplicatesSkipped = meter.CreateCounter<long>("callcenter.persistence.events.duplicates", "{event}", "Redelivered events recognised and skipped");
        _entriesIgnored = meter.CreateCounter<long>("callcenter.persistence.entries.ignored", "{entry}", "Entries about no call (e.g. device state)");
        _callsCommitted = meter.CreateCounter<long>("callcenter.persistence.calls.committed", "{call}", "Call changes committed");
        _deadLettered = meter.CreateCounter<long>("callcenter.persistence.entries.dead_lettered", "{entry}", "Entries moved to the dead-letter stream");
        _entriesClaimed = meter.CreateCounter<long>("callcenter.persistence.entries.claimed", "{entry}", "Idle pending entries claimed from other consumers");
        _commitFailures = meter.CreateCounter<long>("callcenter.persistence.batch.failures", "{batch}", "Batch commits that failed and were retried");
        _batchDuration = meter.CreateHistogram<double>("callcenter.persistence.batch.duration", "s", "Time to apply and commit one batch");
        _batchPhaseDuration = meter.CreateHistogram<double>("callcenter.persistence.batch.phase.duration", "s", "Time one batch spent in each step (tag phase: read, parse, wait, resolve, lock, apply, save, copy, commit, acknowledge, publish)");
        _recordingsUploaded = meter.CreateCounter<long>("callcenter.persistence.recordings.uploaded", "{recording}", "Recordings uploaded and verified");
        _recordingAttemptsFailed = meter.CreateCounter<long>("callcenter.persistence.recordings.attempts_failed", "{attempt}", "Recording upload attempts that failed (retried)");
        _recordingsFailed = meter.CreateCounter<long>("callcenter.persistence.recordings.failed", "{recording}", "Recordings reported as failing after repeated attempts");
        _retentionDeleted = meter.CreateCounter<long>("callcenter.persistence.retention.deleted", "{call}", "Calls deleted by retention");
        _entriesTrimmed = meter.CreateCounter<long>("callcenter.persistence.stream.trimmed", "{entry}", "Committed entries trimmed from the stream");
        meter.CreateObservableGauge("callcenter.persistence.stream.lag", () => Volatile.Read(ref _lag), "{entry}", "Entries in the stream not yet delivered to the consumer group");
        meter.CreateObservableGauge("callcenter.persistence.stream.pending", () => Volatile.Read(ref _pending), "{entry}", "Entries delivered but not yet acknowledged");
        meter.CreateObservableGauge("callcenter.persistence.recordings.backlog", () => Volatile.Read(ref _recordingsBacklog), "{recording}", "Recordings not yet uploaded");
    }

    public void EventsApplied(long count) => _eventsApplied.Add(count);

    public void DuplicatesSkipped(long count) => _duplicatesSkipped.Add(count);

    public void EntriesIgnored(long count) => _entriesIgnored.Add(count);

    public void CallsCommitted(long count) => _callsCommitted.Add(count);

    public void DeadLettered(long count) => _deadLettered.Add(count);

    public void EntriesClaimed(long count) => _entriesClaimed.Add(count);

    public void EntriesTrimmed(long count) => _entriesTrimmed.Add(count);

    public void CommitFailed() => _commitFailures.Add(1);

    public void BatchCommitted(TimeSpan duration) => _batchDuration.Record(duration.TotalSeconds);

    internal void BatchPhases(BatchTimings timings)
    {
        if (!_batchPhaseDuration.Enabled)
        {
            return;
        }

        foreach (var (phase, elapsed) in timings.All())
        {
            _batchPhaseDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("phase", phase.ToString().ToLowerInvariant()));
        }
    }

    public void RecordingUploaded() => _recordingsUploaded.Add(1);

    public void RecordingAttemptFailed() => _recordingAttemptsFailed.Add(1);

    public void RecordingReportedFailed() => _recordingsFailed.Add(1);

    public void RetentionDeleted(long count) => _retentionDeleted.Add(count);

    public void StreamBacklog(long lag, long pending)
    {
        Volatile.Write(ref _lag, lag);
        Volatile.Write(ref _pending, pending);
    }

    public void RecordingsBacklog(long count) => Volatile.Write(ref _recordingsBacklog, count);
}
