using System.Diagnostics.Metrics;
using CallCenter.Ari.Connection;

namespace CallCenter.Ingestion.Telemetry;

/// <summary>The ingestion service's key figures (Meter "CallCenter.Ingestion").</summary>
public sealed class IngestionMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _written;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _malformed;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _snapshots;
    private readonly Histogram<double> _writeLatency;
    private readonly Counter<long> _bridges;

    public IngestionMetrics(IMeterFactory meterFactory, AriEventStream ariEvents, Streaming.EntryBuffer buffer)
    {
        _meter = meterFactory.Create(IngestionTelemetry.Name);
        _received = _meter.CreateCounter<long>("callcenter.ingestion.events.received", "{event}", "ARI events received from Asterisk.");
        _written = _meter.CreateCounter<long>("callcenter.ingestion.entries.written", "{entry}", "Entries written to the Redis stream.");
        _dropped = _meter.CreateCounter<long>("callcenter.ingestion.events.dropped", "{event}", "Events lost because the in-memory buffer was full.");
        _malformed = _meter.CreateCounter<long>("callcenter.ingestion.frames.malformed", "{frame}", "Frames that were not valid ARI events (kept in the dead-letter stream).");
        _reconnects = _meter.CreateCounter<long>("callcenter.ingestion.ari.reconnects", "{reconnect}", "Reconnects of the ARI event WebSocket.");
        _snapshots = _meter.CreateCounter<long>("callcenter.ingestion.snapshots", "{snapshot}", "Channel snapshots taken after a (re)connect, by outcome.");
        _writeLatency = _meter.CreateHistogram<double>("callcenter.ingestion.stream.write.duration", "ms", "Time to write one batch to the Redis stream.");
        _bridges = _meter.CreateCounter<long>("callcenter.ingestion.answered_bridges", "{bridge}", "Answered calls the application bridged, by outcome (bridged, fallback, abandoned).");
        _meter.CreateObservableGauge("callcenter.ingestion.ari.connected", () => ariEvents.Status.State == AriConnectionState.Connected ? 1 : 0, description: "1 while the ARI WebSocket is connected.");
        _meter.CreateObservableGauge("callcenter.ingestion.buffer.depth", () => buffer.Count, "{entry}", "Entries waiting to be written to Redis.");
    }

    public void EventReceived() => _received.Add(1);

    public void EntriesWritten(int count, double milliseconds)
    {
        _written.Add(count);
        _writeLatency.Record(milliseconds);
    }

    public void EventDropped() => _dropped.Add(1);

    public void FrameMalformed() => _malformed.Add(1);

    public void Reconnected() => _reconnects.Add(1);

    public void SnapshotTaken(bool succeeded) => _snapshots.Add(1, new KeyValuePair<string, object?>("outcome", succeeded ? "written" : "failed"));

    public void AnsweredBridge(string outcome) => _bridges.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();
}
