using System.Runtime.CompilerServices;
using System.Security.Claims;
using CallCenter.Api.Calls;
using CallCenter.Api.Live;
using CallCenter.Api.Schema.Inputs;
using CallCenter.Api.Schema.Types;
using CallCenter.Api.Security;
using CallCenter.Data;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Schema;

public sealed class CallCenterSubscription : ObjectGraphType
{
    private static readonly string[] AnyRole = [Roles.Agent, Roles.Supervisor, Roles.Admin];

    public CallCenterSubscription()
    {
        Name = "Subscription";

        AddField(new FieldType
        {
            Name = "callUpdated",
            Description = "Each committed version of a call that matches the filter (and that the user may see), once and in version order, with the call as that commit left it. "
                + "The persistence worker commits events in batches, so a state that began and ended within one commit (a call answered moments after it rang) is not sent on its own. "
                + "A subscriber that falls too far behind is disconnected (WebSocket close 1013) instead of skipping versions; re-read and subscribe again.",
            Type = typeof(NonNullGraphType<CallType>),
            Arguments = new QueryArguments(new QueryArgument<CallFilterInputType> { Name = "filter" }, new QueryArgument<IdGraphType> { Name = "callId" }),
            Resolver = new FuncFieldResolver<Call>(context => (Call)context.Source!),
            StreamResolver = new SourceStreamResolver<object?>(context => new AsyncEnumerableObservable<Call>(token => CallUpdates(context, token))),
        }).AuthorizeWithRoles(AnyRole);

        AddField(new FieldType
        {
            Name = "liveCallsChanged",
            Description = "Each committed change that affects liveCalls, once per version and in version order (the same rules as callUpdated): apply it to keep a liveCalls result current.",
            Type = typeof(NonNullGraphType<LiveCallsChangeType>),
            Resolver = new FuncFieldResolver<LiveCallsChange>(context => (LiveCallsChange)context.Source!),
            StreamResolver = new SourceStreamResolver<object?>(context => new AsyncEnumerableObservable<LiveCallsChange>(token => LiveChanges(context, token))),
        }).AuthorizeWithRoles(AnyRole);
    }

    private static IAsyncEnumerable<Call> CallUpdates(IResolveFieldContext context, CancellationToken cancellationToken)
    {
        var filter = context.GetArgument<CallFilter?>("filter");
        var callId = context.GetArgument<Guid?>("callId");
        return Changes(context, cancellationToken)
            .Where(call => (callId is null || call.Id == callId) && CallLogReader.Matches(call, filter));
    }

    private static IAsyncEnumerable<LiveCallsChange> LiveChanges(IResolveFieldContext context, CancellationToken cancellationToken) =>
        Changes(context, cancellationToken).Select(call => new LiveCallsChange(call, CallLogReader.IsLive(call)));

    private static async IAsyncEnumerable<Call> Changes(IResolveFieldContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var user = context.User ?? new ClaimsPrincipal();
        using var subscription = context.RequestServices!.GetRequiredService<CallChangeHub>().Subscribe();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        await foreach (var change in subscription.Reader.ReadAllAsync(linked.Token))
        {
            if (change.Call is { } call && user.CanSee(call))
            {
                yield return call;
            }
        }
    }
}
