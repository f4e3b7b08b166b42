using CallCenter.Api.Live;
using CallCenter.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests;

/// <summary>
/// The transport's half of "fell behind": a shared stream that ends with <see cref="SubscriberFellBehindError"/> tells
/// each subscriber so (the graphql-transport-ws connection then closes with 1013) instead of reporting a stream error.
/// A recording sink stands in for the connections: a real stream cannot be made to fall behind on demand.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FellBehindStreamTests(ApiFixture fixture)
{
    [Fact]
    public void A_stream_that_fell_behind_tells_every_sink_and_other_errors_stay_stream_errors()
    {
        var behind = Run(new SubscriberFellBehindError(10));
        var failed = Run(new InvalidOperationException("boom"));

        Assert.Equal(["fell-behind"], behind.Events);
        Assert.Equal(["error"], failed.Events);
    }

    private RecordingSink Run(Exception error)
    {
        var services = fixture.Api.Services;
        var stream = new Transport.Subscriptions.SharedSubscriptionStream(
            "key", services.GetRequiredService<GraphQL.IGraphQLTextSerializer>(), services.CreateAsyncScope(), new CancellationTokenSource(), _ => { });
        var sink = new RecordingSink();
        stream.TryAdd(sink);
        stream.OnError(error);
        return sink;
    }

    private sealed class RecordingSink : Transport.Subscriptions.ISubscriptionSink
    {
        public List<string> Events { get; } = [];

        public void OnNext(byte[] payload) => Events.Add("next");

        public void OnError() => Events.Add("error");

        public void OnFellBehind() => Events.Add("fell-behind");

        public void OnCompleted() => Events.Add("completed");
    }
}
