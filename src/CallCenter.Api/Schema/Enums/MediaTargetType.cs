using CallCenter.Api.Control;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Enums;

public sealed class MediaTargetType : EnumerationGraphType<MediaTarget>
{
    public MediaTargetType()
    {
        Name = "CallParty";
        Description = "Which side of the call a hold or mute applies to.";
    }
}
