using CallCenter.Data;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Enums;

public sealed class HangupSideType : EnumerationGraphType<HangupSide>
{
    public HangupSideType() => Name = "HangupSide";
}
