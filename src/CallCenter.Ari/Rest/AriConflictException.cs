using System.Net;

namespace CallCenter.Ari.Rest;

/// <summary>409: the resource is in the wrong state, e.g. "Channel not in a Stasis application".</summary>
public sealed class AriConflictException(string message, string operation)
    : AriException(HttpStatusCode.Conflict, message, operation);
