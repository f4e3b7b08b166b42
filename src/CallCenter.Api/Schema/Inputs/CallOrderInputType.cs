using CallCenter.Api.Calls;
using CallCenter.Api.Schema.Enums;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Inputs;

public sealed class CallOrderInputType : InputObjectGraphType<CallOrder>
{
    public CallOrderInputType()
    {
        Name = "CallOrder";
        Field<NonNullGraphType<CallOrderFieldType>>("field").DefaultValue(CallOrderField.StartedAt);
        Field<NonNullGraphType<SortDirectionType>>("direction").DefaultValue(SortDirection.Desc);
    }
}
