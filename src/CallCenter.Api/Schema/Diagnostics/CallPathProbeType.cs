using CallCenter.Api.Diagnostics;
using GraphQL.Types;

namespace CallCenter.Api.Schema.Diagnostics;

public sealed class CallPathProbeType : ObjectGraphType<CallPathProbe>
{
    public CallPathProbeType()
    {
        Name = "CallPathProbe";
        Description = "A synthetic test call through a Local channel into the inbound route, followed hop by hop. Its call stays in the log marked isTest.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Also the probe's channel id and its call's key.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("context").Resolve(c => c.Source.Target.Context);
        Field<NonNullGraphType<StringGraphType>>("number").Resolve(c => c.Source.Target.Number);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startedAt").Resolve(c => c.Source.StartedAt);
        Field<NonNullGraphType<BooleanGraphType>>("finished").Resolve(c => c.Source.Finished);
        Field<NonNullGraphType<BooleanGraphType>>("completed").Description("Finished with every hop passed.").Resolve(c => c.Source.Completed);
        Field<StringGraphType>("stoppedAt").Description("The hop where the call stopped; null while running or when complete.").Resolve(c => c.Source.StoppedAt);
        Field<IdGraphType>("callId").Description("The probe's call in the log, once stored.").Resolve(c => c.Source.CallId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProbeHopType>>>>("hops").Resolve(c => c.Source.Hops);
    }
}
