namespace CallCenter.Ari.Rest;

/// <summary>The wire spelling of enum parameters; explicit so renaming a member cannot change the request.</summary>
internal static class AriQueryValues
{
    public static string ToQueryValue(this AriHangupReason reason) => reason switch
    {
        AriHangupReason.Normal => "normal",
        AriHangupReason.Busy => "busy",
        AriHangupReason.Congestion => "congestion",
        AriHangupReason.NoAnswer => "no_answer",
        AriHangupReason.Timeout => "timeout",
        AriHangupReason.Rejected => "rejected",
        AriHangupReason.Unallocated => "unallocated",
        AriHangupReason.NormalUnspecified => "normal_unspecified",
        AriHangupReason.NumberIncomplete => "number_incomplete",
        AriHangupReason.CodecMismatch => "codec_mismatch",
        AriHangupReason.Interworking => "interworking",
        AriHangupReason.Failure => "failure",
        AriHangupReason.AnsweredElsewhere => "answered_elsewhere",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static string ToQueryValue(this AriMediaDirection direction) => direction switch
    {
        AriMediaDirection.Both => "both",
        AriMediaDirection.In => "in",
        AriMediaDirection.Out => "out",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, null),
    };

    public static long? ToWholeSeconds(this TimeSpan? value) => value is { } span ? (long)Math.Ceiling(span.TotalSeconds) : null;
}
