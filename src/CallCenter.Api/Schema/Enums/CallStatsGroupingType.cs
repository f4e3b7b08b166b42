using CallCenter.Api.Calls;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Enums;

public sealed class CallStatsGroupingType : EnumerationGraphType<CallStatsGrouping>
{
    public CallStatsGroupingType() => Name = "CallStatsGroupBy";
}
