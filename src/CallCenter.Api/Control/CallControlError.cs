using GraphQL;

namespace CallCenter.Api.Control;

/// <summary>A call control request that cannot be carried out, reported as a GraphQL error with a stable code.</summary>
public sealed class CallControlError : ExecutionError
{
    public const string CallGone = "CALL_GONE";
    public const string NotFound = "NOT_FOUND";
    public const string NotControllable = "CALL_NOT_CONTROLLABLE";
    public const string AriUnavailable = "PBX_UNAVAILABLE";
    public const string Rejected = "PBX_REJECTED";
    public const string Forbidden = "FORBIDDEN";
    public const string BadInput = "BAD_USER_INPUT";

    public CallControlError(string code, string message)
        : base(message)
    {
        Code = code;
    }
}
