using CallCenter.Api.Diagnostics;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Diagnostics;

public sealed class ProbeHopType : ObjectGraphType<ProbeHop>
{
    public ProbeHopType()
    {
        Name = "ProbeHop";
        Description = "One hop of the test call.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ProbeHopStatusType>>("status").Resolve(c => c.Source.Status);
        Field<DateTimeOffsetGraphType>("at").Description("When the hop happened.").Resolve(c => c.Source.At);
        Field<FloatGraphType>("elapsedMilliseconds").Description("Since the probe started.").Resolve(c => c.Source.ElapsedMilliseconds);
        Field<StringGraphType>("evidence").Resolve(c => c.Source.Evidence);
        Field<StringGraphType>("fix").Description("What the hop needs, when it failed.").Resolve(c => c.Source.Fix);
    }
}
