using System.Net;

namespace CallCenter.Ari.Rest;

/// <summary>404: the channel, bridge or recording is gone, which for live calls is usually a normal race, not a failure.</summary>
public sealed class AriNotFoundException(string message, string operation)
    : AriException(HttpStatusCode.NotFound, message, operation);
