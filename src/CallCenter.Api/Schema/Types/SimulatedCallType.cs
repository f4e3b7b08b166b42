using CallCenter.Api.TestCalls;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Types;

public sealed class SimulatedCallType : ObjectGraphType<SimulatedCall>
{
    public SimulatedCallType()
    {
        Name = "SimulatedCall";
        Description = "A test call the PBX accepted: it rings on `to` from `from`, and appears in liveCalls like any inbound call.";
        Field<NonNullGraphType<StringGraphType>>("channelId").Description("The simulated caller's channel; also the call's key (linkedid).").Resolve(c => c.Source.ChannelId);
        Field<NonNullGraphType<StringGraphType>>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<StringGraphType>>("to").Resolve(c => c.Source.To);
    }
}
