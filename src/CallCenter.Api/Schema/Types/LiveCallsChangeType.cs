using System.Security.Claims;
using CallCenter.Api.Calls;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Schema.Types;

public sealed class LiveCallsChangeType : ObjectGraphType<LiveCallsChange>
{
    public LiveCallsChangeType()
    {
        Name = "LiveCallsChange";
        Description = "Apply to a liveCalls result: upsert the call when live is true, remove it when false.";
        Field<NonNullGraphType<IdGraphType>>("callId").Resolve(c => c.Source.Call.Id);
        Field<NonNullGraphType<BooleanGraphType>>("live").Resolve(c => c.Source.Live);
        Field<NonNullGraphType<CallType>>("call").Resolve(c => c.Source.Call);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CallType>>>>("liveCalls")
            .Description("The whole live set right after this change (a fresh query; select only when needed).")
            .WithComplexityImpact(20)
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<CallLogReader>()
                .GetLiveAsync(c.User ?? new ClaimsPrincipal(), c.CancellationToken));
    }
}
