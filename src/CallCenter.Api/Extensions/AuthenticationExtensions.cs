using CallCenter.Api.Options;
using CallCenter.Api.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CallCenter.Api.Extensions;

internal static class AuthenticationExtensions
{
    /// <summary>JWT bearer validation against configured symmetric keys (and, optionally, an OpenID Connect authority).</summary>
    public static IHostApplicationBuilder AddCallCenterAuthentication(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(JwtAuthOptions.SectionName);
        builder.Services.AddOptions<JwtAuthOptions>().Bind(section)
            .Validate(o => o.SigningKeys.Count > 0 || o.Authority is not null, $"Configure {JwtAuthOptions.SectionName}:SigningKeys or :Authority.")
            .ValidateOnStart();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<JwtAuthOptions>>((jwt, configured) =>
            {
                var settings = configured.Value;
                jwt.MapInboundClaims = false;
                jwt.RequireHttpsMetadata = settings.Authority?.Scheme == Uri.UriSchemeHttps;
                if (settings.Authority is not null)
                {
                    jwt.Authority = settings.Authority.AbsoluteUri;
                }

                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = settings.Issuer,
                    ValidateAudience = true,
                    ValidAudience = settings.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = settings.ClockSkew,
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKeys = [.. settings.SigningKeys.Select(SigningKeys.Create)],
                    NameClaimType = CallCenterClaims.Subject,
                    RoleClaimType = CallCenterClaims.Role,
                };
            });
        builder.Services.AddAuthorization();
        return builder;
    }
}
