using CallCenter.Data;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Types;

public sealed class AgentType : ObjectGraphType<Agent>
{
    public AgentType()
    {
        Name = "Agent";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("extension").Resolve(c => c.Source.Extension);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("email").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<BooleanGraphType>>("active").Resolve(c => c.Source.Active);
    }
}
