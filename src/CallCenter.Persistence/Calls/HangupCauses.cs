namespace CallCenter.Persistence.Calls;

/// <summary>What Q.850 cause codes (ARI's "cause") mean for a call nobody answered.</summary>
internal static class HangupCauses
{
    public const int UserBusy = 17;

    // The call could not be set up at all: unallocated/unroutable number, rejected (21), subscriber
    // absent, destination out of order, congestion (34, 42), network/temporary failures, facility or
    // bearer problems. Anything else that ends an unanswered call - normal clearing (16), no answer
    // (18, 19), answered elsewhere (26), and 127 "interworking", which is what chan_pjsip reports when
    // the caller CANCELs while ringing - is a missed call.
    private static readonly HashSet<int> FailureCauses =
        [1, 2, 3, 5, 20, 21, 22, 27, 28, 29, 34, 38, 41, 42, 43, 44, 47, 49, 50, 52, 54, 55, 57, 58, 63, 65, 66, 69, 70, 79, 81, 88, 95, 96, 97, 98, 99, 100, 101, 102, 111];

    public static bool IsBusy(int? cause) => cause == UserBusy;

    public static bool IsFailure(int? cause) => cause is { } code && FailureCauses.Contains(code);
}
