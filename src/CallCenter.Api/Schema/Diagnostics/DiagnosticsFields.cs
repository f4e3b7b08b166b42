using CallCenter.Api.Diagnostics;
using CallCenter.Api.Security;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Schema.Diagnostics;

/// <summary>The diagnostics fields, added to Query and Mutation by one line each.</summary>
public static class DiagnosticsFields
{
    private static readonly string[] SupervisorRoles = [Roles.Supervisor, Roles.Admin];

    public static void AddDiagnosticsQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<DiagnosticCheckType>>>>("diagnostics")
            .Description("Checks the call path now, from Asterisk to this API: \"why aren't my calls showing up?\"")
            .AuthorizeWithRoles(SupervisorRoles)
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<DiagnosticsRunner>().RunAsync(c.CancellationToken));

        query.Field<CallPathProbeType>("callPathProbe")
            .Description("A test call started by runCallPathProbe on this API instance, with the hops so far.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AuthorizeWithRoles(SupervisorRoles)
            .Resolve(c => c.RequestServices!.GetRequiredService<ProbeStore>().Get(c.GetArgument<string>("id")));
    }

    public static void AddDiagnosticsMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CallPathProbeType>>("runCallPathProbe")
            .Description("Places a test call into the inbound route and follows it; returns at once, read its hops with callPathProbe(id).")
            .Argument<StringGraphType>("context", "The inbound context (default Diagnostics:Probe:Context).")
            .Argument<StringGraphType>("number", "The number dialled in it (default Diagnostics:Probe:Number).")
            .AuthorizeWithRoles(SupervisorRoles)
            .Resolve(c =>
            {
                var defaults = c.RequestServices!.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.Probe;
                var target = new ProbeTarget(c.GetArgument<string?>("context") ?? defaults.Context, c.GetArgument<string?>("number") ?? defaults.Number);
                if (!ProbeTarget.IsValidName(target.Context) || !ProbeTarget.IsValidName(target.Number))
                {
                    throw new ExecutionError("context and number must be dialplan names (letters, digits, - _ + . *).") { Code = "BAD_USER_INPUT" };
                }

                return c.RequestServices!.GetRequiredService<CallPathProbeRunner>().Start(target, c.User!)
                    ?? throw new ExecutionError($"{ProbeStore.MaxRunning} test calls are already running; wait for one to finish.") { Code = "TOO_MANY_PROBES" };
            });
    }
}
