using CallCenter.Data;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Types;

public sealed class CallLegType : ObjectGraphType<CallLeg>
{
    public CallLegType()
    {
        Name = "CallLeg";
        Description = "One channel of a call (caller, agent, trunk, transfer).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("channelId").Resolve(c => c.Source.ChannelId);
        Field<NonNullGraphType<StringGraphType>>("channelName").Resolve(c => c.Source.ChannelName);
        Field<StringGraphType>("endpoint").Resolve(c => c.Source.Endpoint);
        Field<StringGraphType>("callerNumber").Resolve(c => c.Source.CallerNumber);
        Field<StringGraphType>("callerName").Resolve(c => c.Source.CallerName);
        Field<StringGraphType>("dialedExtension").Resolve(c => c.Source.DialedExtension);
        Field<StringGraphType>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("answeredAt").Resolve(c => c.Source.AnsweredAt);
        Field<DateTimeOffsetGraphType>("endedAt").Resolve(c => c.Source.EndedAt);
        Field<IntGraphType>("hangupCause").Resolve(c => c.Source.HangupCause);
        Field<StringGraphType>("hangupCauseText").Resolve(c => c.Source.HangupCauseText);
        Field<StringGraphType>("dialStatus").Resolve(c => c.Source.DialStatus);
        Field<NonNullGraphType<IntGraphType>>("holdCount").Resolve(c => c.Source.HoldCount);
        Field<NonNullGraphType<FloatGraphType>>("holdSeconds").Resolve(c => c.Source.HoldSeconds);
        Field<NonNullGraphType<BooleanGraphType>>("onHold").Resolve(c => c.Source.HoldStartedAt is not null && c.Source.EndedAt is null);
    }
}
