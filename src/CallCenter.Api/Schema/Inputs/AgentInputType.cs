using GraphQL.Types;

namespace CallCenter.Api.Schema.Inputs;

public sealed class AgentInputType : InputObjectGraphType<AgentInput>
{
    public AgentInputType()
    {
        Name = "AgentInput";
        Field<NonNullGraphType<StringGraphType>>("extension");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<StringGraphType>("email");
        Field<NonNullGraphType<BooleanGraphType>>("active").DefaultValue(true);
    }
}
