using CallCenter.Api.Calls;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;

namespace CallCenter.Api.Schema.Types;

public sealed class CallConnectionType : ObjectGraphType<CallPage>
{
    public CallConnectionType()
    {
        Name = "CallConnection";
        Description = "A page of the call log (Relay cursor connection).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CallEdgeType>>>>("edges")
            .Resolve(c => c.Source.Calls.Select(call => new CallEdge(CallCursor.For(call, c.Source.OrderField).Encode(), call)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CallType>>>>("nodes").Resolve(c => c.Source.Calls);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => new PageInfo
        {
            HasNextPage = c.Source.HasNextPage,
            HasPreviousPage = c.Source.HasPreviousPage,
            StartCursor = c.Source.Calls.Count > 0 ? CallCursor.For(c.Source.Calls[0], c.Source.OrderField).Encode() : null,
            EndCursor = c.Source.Calls.Count > 0 ? CallCursor.For(c.Source.Calls[^1], c.Source.OrderField).Encode() : null,
        });
        // Counting scans every matching row, so it runs only when the client selects this field.
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Matching calls in total; computed only when selected.")
            .WithComplexityImpact(20)
            .ResolveAsync(async c => await c.Source.CountTotalAsync(c.CancellationToken));
    }
}
