using CallCenter.Data;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Enums;

public sealed class CallDirectionType : EnumerationGraphType<CallDirection>
{
    public CallDirectionType() => Name = "CallDirection";
}
