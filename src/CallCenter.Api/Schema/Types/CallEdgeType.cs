using GraphQL.Types;

namespace CallCenter.Api.Schema.Types;

public sealed class CallEdgeType : ObjectGraphType<CallEdge>
{
    public CallEdgeType()
    {
        Name = "CallEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<CallType>>("node").Resolve(c => c.Source.Node);
    }
}
