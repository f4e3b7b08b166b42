using System.Security.Claims;
using System.Security.Cryptography;
using CallCenter.Api.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>Issues tokens the way an identity provider configured for the API would.</summary>
public sealed class TestTokens
{
    public const string Issuer = "callcenter-tests";
    public const string Audience = "callcenter-api";

    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Create(string subject, string[] roles, Guid? agentId = null, TimeSpan? lifetime = null, string? key = null, string issuer = Issuer)
    {
        var claims = new List<Claim> { new(CallCenterClaims.Subject, subject) };
        claims.AddRange(roles.Select(role => new Claim(CallCenterClaims.Role, role)));
        if (agentId is { } id)
        {
            claims.Add(new Claim(CallCenterClaims.AgentId, id.ToString()));
        }

        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = expires < now ? expires.AddMinutes(-5) : now.AddMinutes(-1),
            IssuedAt = expires < now ? expires.AddMinutes(-5) : now.AddMinutes(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(key ?? SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    public string Supervisor() => Create("supervisor-1", [Roles.Supervisor]);

    public string Admin() => Create("admin-1", [Roles.Admin]);

    public string Agent(Guid agentId) => Create($"agent-{agentId:N}", [Roles.Agent], agentId);
}
