using System.Diagnostics.Metrics;
using CallCenter.Api.Telemetry;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>Counts the call change notices the API's hubs receive from Redis while it lives, from the API's own meter.</summary>
public sealed class NoticeCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public NoticeCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ApiTelemetry.Name && instrument.Name == "callcenter.api.notices.received")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
