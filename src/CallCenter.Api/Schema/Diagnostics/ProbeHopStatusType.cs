using CallCenter.Api.Diagnostics;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Diagnostics;

public sealed class ProbeHopStatusType : EnumerationGraphType<ProbeHopStatus>
{
    public ProbeHopStatusType() => Name = "ProbeHopStatus";
}
