namespace CallCenter.Persistence.Calls;

/// <summary>What Q.850 cause codes (ARI's "cause") mean for a call nobody answered.</summary>
internal static class HangupCauses
{
    public const int NormalClearing = 16;
    public const int UserBusy = 17;

    // Causes that are a normal way for an unanswered call to end (gave up, timed out, nobody there):
    // unknown, normal clearing, no user responding, no answer, answered elsewhere, normal unspecified.
    private static readonly HashSet<int> MissedCauses = [0, 16, 18, 19, 26, 31];

    public static bool IsBusy(int? cause) => cause == UserBusy;

    /// <summary>Rejected (21), unroutable, congested, out of order...: the call never had a chance.</summary>
    public static bool IsFailure(int? cause) => cause is { } code && code != UserBusy && !MissedCauses.Contains(code);
}
