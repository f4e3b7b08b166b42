using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallCenter.AppHost.Ready;

/// <summary>
/// The JWT settings the API validates with, and a development token signed with the installation's key.
/// The names follow the API's JwtAuthOptions ("Authentication:Jwt" section) and its "role" claim.
/// </summary>
internal static class DevelopmentJwt
{
    public const string SectionName = "Authentication__Jwt";
    public const string Issuer = "callcenter-apphost";
    public const string Audience = "callcenter-api";
    public const string RoleClaim = "role";
    public const string DevelopmentRole = "supervisor";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static string Create(string signingKeyBase64, DateTimeOffset now, string role = DevelopmentRole)
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(signingKeyBase64));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(Lifetime).UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, "developer"),
                new Claim(JwtRegisteredClaimNames.Name, "Local developer"),
                new Claim(RoleClaim, role),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}

internal static class DevelopmentJwtExtensions
{
    /// <summary>Tells the API to accept tokens signed with the installation's key (Authentication__Jwt__*).</summary>
    public static IResourceBuilder<ProjectResource> WithDevelopmentJwt(this IResourceBuilder<ProjectResource> api, IResourceBuilder<ParameterResource> signingKey) => api
        .WithEnvironment($"{DevelopmentJwt.SectionName}__Issuer", DevelopmentJwt.Issuer)
        .WithEnvironment($"{DevelopmentJwt.SectionName}__Audience", DevelopmentJwt.Audience)
        .WithEnvironment($"{DevelopmentJwt.SectionName}__SigningKeys__0", signingKey);
}
