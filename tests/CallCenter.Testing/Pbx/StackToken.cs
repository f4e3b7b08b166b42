using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallCenter.Testing.Pbx;

/// <summary>The API's JWT settings for a whole-stack run and a supervisor token signed with its key (as the AppHost's development JWT).</summary>
public sealed class StackToken
{
    public const string Issuer = "callcenter-stack";
    public const string Audience = "callcenter-api";

    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The API's Authentication__Jwt__* settings.</summary>
    public IReadOnlyDictionary<string, string> ApiSettings => new Dictionary<string, string>
    {
        ["Authentication__Jwt__Issuer"] = Issuer,
        ["Authentication__Jwt__Audience"] = Audience,
        ["Authentication__Jwt__SigningKeys__0"] = SigningKey,
    };

    /// <summary>A supervisor's token (sees every call), valid for a day.</summary>
    public string Supervisor()
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddDays(1),
            Subject = new ClaimsIdentity([new Claim(JwtRegisteredClaimNames.Sub, "pbx-load"), new Claim("role", "supervisor")]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
