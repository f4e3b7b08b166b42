using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CallCenter.Data;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Recordings;

/// <summary>
/// Short-lived signed links to <c>/recordings/{id}</c>: the GraphQL field checks the caller may see the call and
/// hands out a link an audio element can use without a bearer header.
/// </summary>
public sealed class RecordingLinks
{
    public const string PathPrefix = "/recordings/";

    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public RecordingLinks(IOptions<RecordingAccessOptions> options, TimeProvider time)
    {
        _key = options.Value.LinkSigningKey is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : RandomNumberGenerator.GetBytes(32);
        _lifetime = options.Value.LinkLifetime;
        _time = time;
    }

    public static bool IsAvailable(Recording recording) =>
        recording.Status is RecordingStatus.Uploaded or RecordingStatus.Completed && recording.BlobName is not null;

    public string CreatePath(Guid recordingId)
    {
        var expires = _time.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"{PathPrefix}{recordingId}?expires={expires}&sig={Sign(recordingId, expires)}");
    }

    public bool IsValid(Guid recordingId, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || signature is null
            || _time.GetUtcNow().ToUnixTimeSeconds() > expiresAt)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(recordingId, expiresAt)), Encoding.ASCII.GetBytes(signature));
    }

    private string Sign(Guid recordingId, long expires)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{recordingId:N}:{expires}")));
        return Convert.ToHexStringLower(mac);
    }
}
