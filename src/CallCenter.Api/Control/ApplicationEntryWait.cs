using CallCenter.Ari.Rest;

namespace CallCenter.Api.Control;

/// <summary>
/// Runs a control request again while the PBX answers 409 Conflict, for at most <c>CallControl:EnterApplicationWait</c>.
/// An answered call is ANSWERED in the call log a moment before its channels are back in the application: Dial's
/// G() sends both parties through [callcenter-answered], Answer() and Stasis() again, and until then ARI refuses
/// hold, mute and transfer ("Channel not in Stasis application"). A supervisor who clicks right at the answer
/// should not see that refusal; a channel that stays outside the application still gets it, once the wait is over.
/// </summary>
internal static class ApplicationEntryWait
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs <paramref name="request"/>; returns how many 409 answers it waited through.</summary>
    public static async Task<int> RunAsync(Func<Task> request, TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        for (var refused = 0; ; refused++)
        {
            try
            {
                await request().ConfigureAwait(false);
                return refused;
            }
            catch (AriConflictException) when (time.GetElapsedTime(started) + RetryInterval <= wait)
            {
                await Task.Delay(RetryInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
