using System.Net;

namespace CallCenter.Ari.Rest;

/// <summary>ARI answered a REST call with an error status; <see cref="Exception.Message"/> is ARI's own message when it sent one.</summary>
public class AriException : Exception
{
    public AriException(HttpStatusCode statusCode, string message, string operation)
        : base(message)
    {
        StatusCode = statusCode;
        Operation = operation;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The call that failed, e.g. "POST channels/{channelId}/answer".</summary>
    public string Operation { get; }

    internal static AriException Create(HttpStatusCode statusCode, string message, string operation) => statusCode switch
    {
        HttpStatusCode.NotFound => new AriNotFoundException(message, operation),
        HttpStatusCode.Conflict => new AriConflictException(message, operation),
        _ => new AriException(statusCode, message, operation),
    };
}
