using CallCenter.Api.Diagnostics;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Diagnostics;

public sealed class DiagnosticCheckType : ObjectGraphType<DiagnosticCheck>
{
    public DiagnosticCheckType()
    {
        Name = "DiagnosticCheck";
        Description = "One step of the call path checked now: what was seen and, when it is not OK, what to do.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<DiagnosticStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("summary").Resolve(c => c.Source.Summary);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiagnosticEvidenceType>>>>("evidence").Resolve(c => c.Source.Evidence);
        Field<StringGraphType>("fix").Description("What to do, in words (the config line or command); null when OK.").Resolve(c => c.Source.Fix);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("checkedAt").Resolve(c => c.Source.CheckedAt);
    }
}
