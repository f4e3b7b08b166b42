using System.Security.Claims;
using CallCenter.Api.Security;
using CallCenter.Data;

namespace CallCenter.Api.Calls;

/// <summary>Which calls a user may see: supervisors and admins all of them, an agent only the calls they handled.</summary>
public static class CallVisibility
{
    public static IQueryable<Call> VisibleTo(this IQueryable<Call> calls, ClaimsPrincipal user)
    {
        if (user.IsSupervisor())
        {
            return calls;
        }

        if (user.IsInRole(Roles.Agent) && user.GetAgentId() is { } agentId)
        {
            return calls.Where(c => c.AgentId == agentId);
        }

        return calls.Where(_ => false);
    }

    public static bool CanSee(this ClaimsPrincipal user, Call call) =>
        user.IsSupervisor() || (user.IsInRole(Roles.Agent) && user.GetAgentId() is { } agentId && call.AgentId == agentId);
}
