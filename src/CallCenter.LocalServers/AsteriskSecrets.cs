using System.Security.Cryptography;

namespace CallCenter.LocalServers;

/// <summary>
/// The passwords an Asterisk instance is configured with: ARI's (for the <c>callcenter</c> user) and one per
/// agent endpoint. They are generated per installation or test run and written to the instance's generated
/// includes; the repository never holds them.
/// </summary>
public sealed record AsteriskSecrets(string AriPassword, IReadOnlyDictionary<string, string> AgentPasswords)
{
    /// <summary>The agent endpoints the shipped pjsip.conf defines.</summary>
    public static IReadOnlyList<string> AgentExtensions { get; } =
        [.. Enumerable.Range(1001, 10).Select(extension => extension.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Fresh random passwords (hex: safe in Asterisk's config syntax and in softphone forms).</summary>
    public static AsteriskSecrets Generate() => new(
        NewPassword(),
        AgentExtensions.ToDictionary(extension => extension, _ => NewPassword()));

    private static string NewPassword() => RandomNumberGenerator.GetHexString(24, lowercase: true);
}
