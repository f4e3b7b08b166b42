using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CallCenter.Api.Telemetry;

/// <summary>The API's ActivitySource and Meter ("CallCenter.Api"), picked up by ServiceDefaults' "CallCenter.*" wildcard.</summary>
public sealed class ApiTelemetry : IDisposable
{
    public const string Name = "CallCenter.Api";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;

    public ApiTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        Requests = _meter.CreateCounter<long>("callcenter.api.graphql.requests", description: "GraphQL operations executed, by transport, operation type and outcome.");
        RequestDuration = _meter.CreateHistogram<double>("callcenter.api.graphql.duration", unit: "ms", description: "GraphQL operation execution time.");
        ActiveSockets = _meter.CreateUpDownCounter<long>("callcenter.api.ws.connections", description: "Open graphql-transport-ws connections.");
        ActiveSubscriptions = _meter.CreateUpDownCounter<long>("callcenter.api.ws.subscriptions", description: "Running subscriptions.");
        NoticesReceived = _meter.CreateCounter<long>("callcenter.api.notices.received", description: "Call change notices received from Redis.");
        NoticeLatency = _meter.CreateHistogram<double>("callcenter.api.notices.latency", unit: "ms", description: "Commit-to-API latency of call change notices.");
    }

    public Counter<long> Requests { get; }

    public Histogram<double> RequestDuration { get; }

    public UpDownCounter<long> ActiveSockets { get; }

    public UpDownCounter<long> ActiveSubscriptions { get; }

    public Counter<long> NoticesReceived { get; }

    public Histogram<double> NoticeLatency { get; }

    public void Dispose() => _meter.Dispose();
}
