using CallCenter.Data;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Enums;

public sealed class RecordingStatusType : EnumerationGraphType<RecordingStatus>
{
    public RecordingStatusType() => Name = "RecordingStatus";
}
