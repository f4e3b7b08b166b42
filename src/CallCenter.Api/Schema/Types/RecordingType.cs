using CallCenter.Api.Recordings;
using CallCenter.Api.Schema.Enums;
using CallCenter.Data;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Schema.Types;

public sealed class RecordingType : ObjectGraphType<Recording>
{
    public RecordingType()
    {
        Name = "Recording";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<RecordingStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("available")
            .Description("Whether the audio is in storage and can be downloaded.")
            .Resolve(c => RecordingLinks.IsAvailable(c.Source));
        Field<StringGraphType>("contentType").Resolve(c => c.Source.ContentType);
        Field<LongGraphType>("sizeBytes").Resolve(c => c.Source.SizeBytes);
        Field<FloatGraphType>("durationSeconds").Resolve(c => c.Source.DurationSeconds);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("uploadedAt").Resolve(c => c.Source.UploadedAt);
        Field<StringGraphType>("downloadUrl")
            .Description("A short-lived signed link (path relative to the API) that streams the audio with HTTP Range support; null until available.")
            .Resolve(c => RecordingLinks.IsAvailable(c.Source)
                ? c.RequestServices!.GetRequiredService<RecordingLinks>().CreatePath(c.Source.Id)
                : null);
    }
}
