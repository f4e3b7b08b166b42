using CallCenter.Api.Calls;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Enums;

public sealed class CallOrderFieldType : EnumerationGraphType<CallOrderField>
{
    public CallOrderFieldType() => Name = "CallOrderField";
}
