namespace CallCenter.Ari.Rest;

/// <summary>Values ARI accepts for DELETE /channels/{id}?reason=.</summary>
public enum AriHangupReason
{
    Normal,
    Busy,
    Congestion,
    NoAnswer,
    Timeout,
    Rejected,
    Unallocated,
    NormalUnspecified,
    NumberIncomplete,
    CodecMismatch,
    Interworking,
    Failure,
    AnsweredElsewhere,
}
