namespace CallCenter.Api.Options;

/// <summary>JWT bearer validation settings, bound from the "Authentication:Jwt" configuration section.</summary>
public sealed class JwtAuthOptions
{
    public const string SectionName = "Authentication:Jwt";

    public string Issuer { get; set; } = "callcenter";

    public string Audience { get; set; } = "callcenter-api";

    /// <summary>Symmetric signing keys (base64 or plain text of at least 32 bytes); several allow key rotation.</summary>
    public IList<string> SigningKeys { get; set; } = [];

    /// <summary>Optional OpenID Connect authority; when set, its published keys are used as well.</summary>
    public Uri? Authority { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
