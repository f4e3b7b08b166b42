using CallCenter.Api.Schema.Introspection;
using GraphQL.Types;

namespace CallCenter.Api.Schema;

public sealed class CallCenterSchema : GraphQL.Types.Schema
{
    public CallCenterSchema(IServiceProvider services, CallCenterQuery query, CallCenterMutation mutation, CallCenterSubscription subscription)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        Description = "CallCenter: call history, live calls and call control for an Asterisk PBX.";
        StandardIntrospection.EnableFeatures(this);
    }

    protected override void OnBeforeInitializeType(IGraphType graphType) => StandardIntrospection.Complete(graphType);
}
