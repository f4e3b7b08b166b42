using CallCenter.Api.Diagnostics;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Diagnostics;

public sealed class DiagnosticStatusType : EnumerationGraphType<DiagnosticStatus>
{
    public DiagnosticStatusType() => Name = "DiagnosticStatus";
}
