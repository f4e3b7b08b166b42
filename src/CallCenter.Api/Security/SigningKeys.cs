using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace CallCenter.Api.Security;

/// <summary>Turns configured key strings into symmetric signing keys: base64 when it decodes to at least 32 bytes, else the UTF-8 text.</summary>
public static class SigningKeys
{
    public static SymmetricSecurityKey Create(string configured)
    {
        var buffer = new byte[configured.Length];
        var bytes = Convert.TryFromBase64String(configured, buffer, out var written) && written >= 32
            ? buffer[..written]
            : Encoding.UTF8.GetBytes(configured);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("JWT signing keys must be at least 256 bits.");
        }

        return new SymmetricSecurityKey(bytes);
    }
}
