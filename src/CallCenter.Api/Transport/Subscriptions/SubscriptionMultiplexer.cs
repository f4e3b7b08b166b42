using System.Security.Claims;
using System.Text;
using CallCenter.Api.Security;
using GraphQL;
using GraphQL.Transport;

namespace CallCenter.Api.Transport.Subscriptions;

/// <summary>
/// Runs each distinct subscription once per API instance: subscribers that send the same document, operation name
/// and variables, with the same authorization-relevant identity (roles and agent id — all that the schema's rules and
/// visibility filters read), share one execution and one serialization per event. Without this, 1,000 dashboards
/// watching liveCallsChanged would cost 1,000 executions per change.
/// </summary>
public sealed class SubscriptionMultiplexer(GraphQLRequestExecutor executor, IGraphQLTextSerializer serializer, IServiceScopeFactory scopeFactory)
{
    private const string Transport = "ws";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SharedSubscriptionStream> _streams = new(StringComparer.Ordinal);

    public int StreamCount
    {
        get
        {
            lock (_gate)
            {
                return _streams.Count;
            }
        }
    }

    /// <summary>
    /// Joins (or starts) the shared stream for this request. Returns the execution result when the request did not
    /// produce a stream (validation errors), otherwise a handle that leaves the stream when disposed.
    /// </summary>
    internal async Task<(ExecutionResult? Failed, IDisposable? Membership)> JoinAsync(
        GraphQLRequest request, ParsedOperation? parsed, ClaimsPrincipal user, ISubscriptionSink sink, CancellationToken cancellationToken)
    {
        var key = Key(request, user);
        if (TryJoinExisting(key, sink) is { } joined)
        {
            return (null, joined);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var scope = scopeFactory.CreateAsyncScope();
        // The stream outlives the subscriber that started it, so it gets its own scope and cancellation.
        var cancellation = new CancellationTokenSource();
        ExecutionResult result;
        try
        {
            result = await executor.ExecuteAsync(request, parsed, user, scope.ServiceProvider, Transport, cancellation.Token);
        }
        catch
        {
            cancellation.Dispose();
            await scope.DisposeAsync();
            throw;
        }

        if (!result.Executed || result.Streams is not { Count: > 0 } streams)
        {
            cancellation.Dispose();
            await scope.DisposeAsync();
            return (result, null);
        }

        var stream = new SharedSubscriptionStream(key, serializer, scope, cancellation, Remove);
        stream.TryAdd(sink);
        SharedSubscriptionStream? existing;
        lock (_gate)
        {
            // Another subscriber may have started the same stream meanwhile; the first one stays, ours is dropped.
            if (!_streams.TryGetValue(key, out existing) || !existing.TryAdd(sink))
            {
                existing = null;
                _streams[key] = stream;
            }
        }

        if (existing is not null)
        {
            stream.Remove(sink);
            return (null, new Membership(existing, sink));
        }

        stream.Start(streams.Values.First());
        return (null, new Membership(stream, sink));
    }

    private Membership? TryJoinExisting(string key, ISubscriptionSink sink)
    {
        lock (_gate)
        {
            return _streams.TryGetValue(key, out var stream) && stream.TryAdd(sink) ? new Membership(stream, sink) : null;
        }
    }

    private void Remove(SharedSubscriptionStream stream)
    {
        lock (_gate)
        {
            if (_streams.TryGetValue(stream.Key, out var current) && ReferenceEquals(current, stream))
            {
                _streams.Remove(stream.Key);
            }
        }
    }

    private string Key(GraphQLRequest request, ClaimsPrincipal user)
    {
        var roles = user.FindAll(CallCenterClaims.Role).Select(c => c.Value).Order(StringComparer.Ordinal);
        var builder = new StringBuilder();
        builder.AppendJoin(',', roles).Append('|')
            .Append(user.GetAgentId()).Append('|')
            .Append(request.OperationName).Append('|')
            .Append(request.Variables is null ? "" : serializer.Serialize(request.Variables)).Append('|')
            .Append(request.Extensions is null ? "" : serializer.Serialize(request.Extensions)).Append('|')
            .Append(request.Query);
        return builder.ToString();
    }

    private sealed class Membership(SharedSubscriptionStream stream, ISubscriptionSink sink) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                stream.Remove(sink);
            }
        }
    }
}
