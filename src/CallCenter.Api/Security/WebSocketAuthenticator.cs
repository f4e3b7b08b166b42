using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CallCenter.Api.Security;

/// <summary>
/// Authenticates a graphql-transport-ws connection from its connection_init payload
/// ({"authorization": "Bearer ..."}), with the same validation the JWT bearer handler applies to HTTP.
/// Browsers cannot set headers on a WebSocket upgrade, hence the payload.
/// </summary>
public sealed class WebSocketAuthenticator(IOptionsMonitor<JwtBearerOptions> jwtOptions)
{
    private static readonly string[] TokenProperties = ["authorization", "Authorization", "token"];

    public async Task<(ClaimsPrincipal? User, string? Failure)> AuthenticateAsync(JsonElement payload, HttpContext context, CancellationToken cancellationToken)
    {
        string? token = null;
        if (payload.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in TokenProperties)
            {
                if (payload.TryGetProperty(name, out var value))
                {
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        return (null, $"'{name}' must be a string");
                    }

                    token = value.GetString();
                    break;
                }
            }
        }

        if (token is null)
        {
            // Non-browser clients may have authenticated the upgrade request itself.
            return context.User.Identity?.IsAuthenticated == true ? (context.User, null) : (null, "no credentials");
        }

        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = token["Bearer ".Length..].Trim();
        }

        if (token.Length == 0)
        {
            return (null, "empty token");
        }

        var options = jwtOptions.Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = options.TokenValidationParameters.Clone();
        if (options.ConfigurationManager is { } configurationManager)
        {
            var configuration = await configurationManager.GetConfigurationAsync(cancellationToken);
            parameters.ValidIssuers = (parameters.ValidIssuers ?? []).Append(configuration.Issuer);
            parameters.IssuerSigningKeys = (parameters.IssuerSigningKeys ?? []).Concat(configuration.SigningKeys);
        }

        string? failure = null;
        foreach (var handler in options.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, parameters);
            if (result.IsValid)
            {
                return (new ClaimsPrincipal(result.ClaimsIdentity), null);
            }

            failure = result.Exception?.GetType().Name ?? "invalid token";
        }

        return (null, failure ?? "no token handler");
    }
}
