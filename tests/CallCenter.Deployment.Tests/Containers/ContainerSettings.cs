using CallCenter.LocalServers;

namespace CallCenter.Deployment.Tests.Containers;

/// <summary>
/// What the service containers are given, as environment variables named like infra/main.bicep names them; each test
/// has a database and stream of its own.
/// </summary>
public sealed record ContainerSettings(string Database, string Redis, string Blobs, AsteriskServer Asterisk, string Stream)
{
    // The API wants keys of at least 256 bits.
    private readonly string _jwtSigningKey = System.Security.Cryptography.RandomNumberGenerator.GetHexString(64);
    private readonly string _recordingLinkKey = System.Security.Cryptography.RandomNumberGenerator.GetHexString(64);

    public Dictionary<string, string> Ingestion(int port) => With(Common(port), new()
    {
        ["Ingestion__StreamName"] = Stream,
        ["Ingestion__DeadLetterStreamName"] = Stream + ":ingestion-dead",
    });

    public Dictionary<string, string> Persistence(int port) => With(Common(port), new()
    {
        ["ConnectionStrings__callcenterdb"] = Database,
        ["ConnectionStrings__blobs"] = Blobs,
        ["Persistence__StreamName"] = Stream,
        ["Persistence__DeadLetterStreamName"] = Stream + ":dead",
        ["Persistence__NoticeChannel"] = Stream + ":changes",
        ["Recordings__PollInterval"] = "00:00:00.200",
    });

    public Dictionary<string, string> Api(int port) => With(Common(port), new()
    {
        ["ConnectionStrings__callcenterdb"] = Database,
        ["ConnectionStrings__blobs"] = Blobs,
        ["LiveUpdates__Channel"] = Stream + ":changes",
        ["Authentication__Jwt__SigningKeys__0"] = _jwtSigningKey,
        ["Recordings__LinkSigningKey"] = _recordingLinkKey,
    });

    private Dictionary<string, string> Common(int port) => new()
    {
        // Host networking: each container listens on a free port of its own instead of the images' 8080.
        ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ConnectionStrings__redis"] = Redis,
        ["Ari__BaseUrl"] = Asterisk.AriBaseUrl.AbsoluteUri,
        ["Ari__Username"] = Asterisk.AriUsername,
        ["Ari__Password"] = Asterisk.AriPassword,
    };

    private static Dictionary<string, string> With(Dictionary<string, string> common, Dictionary<string, string> specific)
    {
        foreach (var (key, value) in specific)
        {
            common[key] = value;
        }

        return common;
    }
}
