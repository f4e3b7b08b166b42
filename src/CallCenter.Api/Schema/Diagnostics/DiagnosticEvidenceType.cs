using CallCenter.Api.Diagnostics;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Diagnostics;

public sealed class DiagnosticEvidenceType : ObjectGraphType<DiagnosticEvidence>
{
    public DiagnosticEvidenceType()
    {
        Name = "DiagnosticEvidence";
        Description = "One fact a check saw.";
        Field<NonNullGraphType<StringGraphType>>("label").Resolve(c => c.Source.Label);
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(c => c.Source.Value);
    }
}
