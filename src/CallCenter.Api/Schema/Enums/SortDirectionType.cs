using CallCenter.Api.Calls;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Enums;

public sealed class SortDirectionType : EnumerationGraphType<SortDirection>
{
    public SortDirectionType() => Name = "SortDirection";
}
