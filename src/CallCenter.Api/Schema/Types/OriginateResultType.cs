using CallCenter.Api.Control;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Types;

public sealed class OriginateResultType : ObjectGraphType<OriginateResult>
{
    public OriginateResultType()
    {
        Name = "OriginateResult";
        Description = "The agent's phone is ringing; when answered it dials the number.";
        Field<NonNullGraphType<StringGraphType>>("channelId").Resolve(c => c.Source.ChannelId);
        Field<NonNullGraphType<StringGraphType>>("fromExtension").Resolve(c => c.Source.FromExtension);
        Field<NonNullGraphType<StringGraphType>>("to").Resolve(c => c.Source.To);
    }
}
