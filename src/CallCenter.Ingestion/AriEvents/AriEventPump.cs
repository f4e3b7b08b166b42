using System.Diagnostics;
using CallCenter.Ari;
using CallCenter.Ari.Connection;
using CallCenter.Ari.Events;
using CallCenter.Ingestion.Bridging;
using CallCenter.Ingestion.Diagnostics;
using CallCenter.Ingestion.Telemetry;
using CallCenter.Ingestion.Streaming;
using Microsoft.Extensions.Options;

namespace CallCenter.Ingestion.AriEvents;

/// <summary>
/// Reads the call-center application's ARI events, in the order Asterisk sent them, into the entry
/// buffer. On every (re)connect it first writes a channel snapshot, then that connection's events.
/// It never waits on Redis: when the buffer is full an event is dropped and counted instead.
/// </summary>
public sealed partial class AriEventPump(
    AriEventStream events,
    ChannelSnapshotTaker snapshots,
    StasisEventRouter router,
    EntryBuffer buffer,
    StreamWriterState writerState,
    IngestionMetrics metrics,
    IngestionActivity ingestionActivity,
    IOptions<IngestionOptions> options,
    IOptions<AriOptions> ariOptions,
    TimeProvider time,
    ILogger<AriEventPump> logger) : BackgroundService
{
    private const int MalformedSampleLength = 200;
    private readonly IngestionOptions _options = options.Value;
    private readonly StreamEntryFactory _entries = new(Guid.NewGuid().ToString("N")[..12]);
    private readonly IgnoredChannels _ignored = new(options.Value.IgnoredEndpoints);
    private string? _asteriskId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarting(logger, ariOptions.Value.Application, _options.StreamName, _entries.ConnectionId);
        try
        {
            await foreach (var item in events.ReadAllAsync(stoppingToken))
            {
                switch (item)
                {
                    case AriConnected connected:
                        await OnConnectedAsync(connected, stoppingToken);
                        break;
                    case AriEvent ariEvent:
                        OnEvent(ariEvent);
                        break;
                    case AriMalformedFrame malformed:
                        OnMalformed(malformed);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            buffer.Complete();
        }
    }

    private async Task OnConnectedAsync(AriConnected connected, CancellationToken cancellationToken)
    {
        if (connected.IsReconnect)
        {
            metrics.Reconnected();
            ingestionActivity.Reconnected(time.GetUtcNow());
        }

        router.Connected();

        using var activity = IngestionTelemetry.ActivitySource.StartActivity("ari.resynchronise");
        activity?.SetTag("ari.connection", connected.ConnectionSequence);
        var taken = await snapshots.TakeAsync(connected.ConnectionSequence, cancellationToken);
        metrics.SnapshotTaken(taken is not null);
        if (taken is not { } result)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "snapshot failed");
            return;
        }

        var (snapshot, asteriskId) = result;
        if (asteriskId.Length > 0)
        {
            _asteriskId = asteriskId;
        }

        var entry = _entries.ForSnapshot(snapshot, _asteriskId);
        Enqueue(new BufferedWrite(_options.StreamName, entry.EventId, BufferedWrite.Flatten(entry.ToFields()), Trim: true));
        LogSnapshotWritten(logger, connected.ConnectionSequence, connected.IsReconnect, snapshot.Channels.Count);
    }

    private void OnEvent(AriEvent ariEvent)
    {
        metrics.EventReceived();
        ingestionActivity.EventReceived(time.GetUtcNow());
        _asteriskId ??= ariEvent.AsteriskId;
        if (_ignored.Contains(ariEvent))
        {
            return;
        }

        var fields = _entries.ForEvent(ariEvent, time.GetUtcNow(), out var eventId);
        Enqueue(new BufferedWrite(_options.StreamName, eventId, fields, Trim: true));

        router.Route(ariEvent);
    }

    private void OnMalformed(AriMalformedFrame malformed)
    {
        metrics.FrameMalformed();
        var sample = malformed.RawText.Length > MalformedSampleLength ? malformed.RawText[..MalformedSampleLength] : malformed.RawText;
        LogMalformed(logger, malformed.Error, sample);
        var eventId = _entries.NextEventId();
        Enqueue(new BufferedWrite(
            _options.DeadLetterStreamName, eventId, DeadLetterFields.For(eventId, malformed.RawText, malformed.Error, time.GetUtcNow()), Trim: false));
    }

    private void Enqueue(BufferedWrite write)
    {
        if (buffer.TryAdd(write))
        {
            return;
        }

        metrics.EventDropped();
        writerState.RecordDrop();
        // Log the first drop and then every thousandth, not each one: a full buffer means thousands per second.
        if (writerState.Dropped % 1000 == 1)
        {
            LogDropped(logger, writerState.Dropped, buffer.Capacity);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingesting ARI application {Application} into stream {Stream} (ingestion instance {InstanceId})")]
    private static partial void LogStarting(ILogger logger, string application, string stream, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot after connection {Connection} (reconnect: {IsReconnect}): {Channels} channels")]
    private static partial void LogSnapshotWritten(ILogger logger, long connection, bool isReconnect, int channels);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed ARI frame ({Error}), kept in the dead-letter stream; sample: {Sample}")]
    private static partial void LogMalformed(ILogger logger, string error, string sample);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event buffer full ({Capacity} entries, Redis unavailable?): {Dropped} events dropped so far")]
    private static partial void LogDropped(ILogger logger, long dropped, int capacity);
}
