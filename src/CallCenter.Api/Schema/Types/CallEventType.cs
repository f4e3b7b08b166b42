using CallCenter.Data;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Types;

public sealed class CallEventType : ObjectGraphType<CallEvent>
{
    public CallEventType()
    {
        Name = "CallEvent";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("type").Description("ARI event type, e.g. ChannelStateChange.").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("occurredAt").Resolve(c => c.Source.OccurredAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("receivedAt").Resolve(c => c.Source.ReceivedAt);
        Field<StringGraphType>("channelId").Resolve(c => c.Source.ChannelId);
        Field<StringGraphType>("details").Description("A compact JSON summary of the event.").Resolve(c => c.Source.Details);
    }
}
