using CallCenter.Data;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Enums;

public sealed class CallStatusType : EnumerationGraphType<CallStatus>
{
    public CallStatusType()
    {
        Name = "CallStatus";
        Description = "RINGING and ANSWERED are live; the rest are final.";
    }
}
