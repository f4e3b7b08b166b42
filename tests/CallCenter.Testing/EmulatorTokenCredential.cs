using System.Text;
using System.Text.Json;
using Azure.Core;

namespace CallCenter.Testing;

/// <summary>
/// Stands in for Microsoft Entra ID, which tests cannot reach: tokens with the issuer, audience and times (iat, nbf, exp)
/// that Azurite's basic OAuth checks, and no real signature (it checks none). <paramref name="lifetime"/> may be
/// negative for an expired token.
/// </summary>
public sealed class EmulatorTokenCredential(TimeSpan lifetime) : TokenCredential
{
    public EmulatorTokenCredential()
        : this(TimeSpan.FromHours(1))
    {
    }

    public int Issued { get; private set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Issued++;
        var now = DateTimeOffset.UtcNow;
        var expires = now + lifetime;
        var claims = new Dictionary<string, object>
        {
            ["aud"] = "https://storage.azure.com",
            ["iss"] = "https://sts.windows.net/00000000-0000-0000-0000-000000000001/",
            ["iat"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["oid"] = "00000000-0000-0000-0000-000000000002",
        };
        var token = $"{Encode("""{"alg":"RS256","typ":"JWT"}""")}.{Encode(JsonSerializer.Serialize(claims))}.{Encode("unsigned")}";
        return new AccessToken(token, expires);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
