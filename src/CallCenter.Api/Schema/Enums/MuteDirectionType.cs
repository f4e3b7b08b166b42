using CallCenter.Ari.Rest;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Enums;

public sealed class MuteDirectionType : EnumerationGraphType<AriMediaDirection>
{
    public MuteDirectionType() => Name = "MuteDirection";
}
