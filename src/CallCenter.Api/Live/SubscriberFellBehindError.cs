using GraphQL;

namespace CallCenter.Api.Live;

/// <summary>
/// Ends a subscription whose queue of committed changes is full: it would otherwise have to skip versions silently.
/// The graphql-transport-ws transport closes such a subscriber's socket with 1013 (try again later).
/// </summary>
public sealed class SubscriberFellBehindError : ExecutionError
{
    public const string ErrorCode = "SUBSCRIBER_FELL_BEHIND";

    public SubscriberFellBehindError(int capacity)
        : base($"The subscriber fell more than {capacity} changes behind; subscribe again (and re-read) to catch up.")
    {
        Code = ErrorCode;
    }

    public static bool Is(Exception? error) => error is ExecutionError { Code: ErrorCode };
}
