using CallCenter.Api.Control;
using CallCenter.Ari.Rest;

namespace CallCenter.Api.Tests;

/// <summary>
/// Control requests made while a just-answered call's channels are on their way back into the application: ARI's 409
/// is asked again within the wait, anything else is reported at once. (Through the real Asterisk the window lasts
/// milliseconds and cannot be hit on purpose; the end-to-end control tests cover the requests themselves.)
/// </summary>
public sealed class ApplicationEntryWaitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_refused_while_the_channel_enters_the_application_is_asked_again_until_it_is_accepted()
    {
        var calls = 0;
        var refused = await ApplicationEntryWait.RunAsync(
            () => ++calls <= 2 ? throw NotInStasis() : Task.CompletedTask, TimeSpan.FromSeconds(2), TimeProvider.System, Cancel);

        Assert.Equal(2, refused);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_channel_that_stays_outside_the_application_gets_the_refusal_once_the_wait_is_over()
    {
        var calls = 0;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var refusal = await Assert.ThrowsAsync<AriConflictException>(() => ApplicationEntryWait.RunAsync(
            () => { calls++; throw NotInStasis(); }, TimeSpan.FromMilliseconds(500), TimeProvider.System, Cancel));

        Assert.Contains("not in Stasis", refusal.Message, StringComparison.Ordinal);
        Assert.InRange(waited.Elapsed, TimeSpan.FromMilliseconds(350), TimeSpan.FromSeconds(5));
        Assert.InRange(calls, 2, 6);
    }

    [Fact]
    public async Task Other_answers_are_reported_at_once()
    {
        var calls = 0;
        await Assert.ThrowsAsync<AriNotFoundException>(() => ApplicationEntryWait.RunAsync(
            () => { calls++; throw new AriNotFoundException("Channel not found", "hold"); }, TimeSpan.FromSeconds(2), TimeProvider.System, Cancel));
        Assert.Equal(1, calls);

        // No wait configured: the first refusal is the answer.
        calls = 0;
        await Assert.ThrowsAsync<AriConflictException>(() => ApplicationEntryWait.RunAsync(
            () => { calls++; throw NotInStasis(); }, TimeSpan.Zero, TimeProvider.System, Cancel));
        Assert.Equal(1, calls);
    }

    private static AriConflictException NotInStasis() => new("Channel not in Stasis application", "hold");
}
