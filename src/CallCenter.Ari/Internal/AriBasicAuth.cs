using System.Net.Http.Headers;
using System.Text;

namespace CallCenter.Ari.Internal;

internal static class AriBasicAuth
{
    public static AuthenticationHeaderValue Create(string username, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
}
