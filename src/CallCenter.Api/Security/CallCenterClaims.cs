using System.Security.Claims;

namespace CallCenter.Api.Security;

/// <summary>Claim names the API reads from tokens, and helpers over them.</summary>
public static class CallCenterClaims
{
    public const string Role = "role";
    public const string Subject = "sub";

    /// <summary>The agent's id (a GUID) for tokens issued to agents.</summary>
    public const string AgentId = "agent_id";

    public static bool IsSupervisor(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);

    public static Guid? GetAgentId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(AgentId)?.Value, out var id) ? id : null;
}
