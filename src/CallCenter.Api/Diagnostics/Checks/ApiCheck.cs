using CallCenter.Api.Live;
using CallCenter.Api.Options;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Diagnostics.Checks;

/// <summary>
/// 7. This API: its live subscribers and the last change notice it published to them. Whether notices arrive at all is
/// the test call's "API published the change" hop: a commit without a notice is normal (a batch that changed no call).
/// </summary>
public sealed class ApiCheck(CallChangeHub hub, IOptions<LiveUpdatesOptions> liveUpdates, TimeProvider time) : IDiagnosticCheck
{
    public int Order => 7;

    public string Name => "API";

    public Task<DiagnosticCheck> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = new CheckResult(Name, time)
            .Saw("subscribers", $"{hub.SubscriberCount} live subscriptions on this instance")
            .Saw("notice channel", liveUpdates.Value.Channel)
            .Saw("last notice published", hub.LastNoticeAt is { } at ? $"{Age.When(at, now)}, call {hub.LastNoticeCallId}" : "none since this instance started");
        return Task.FromResult(result.Build($"{hub.SubscriberCount} live subscriptions; last notice {Age.When(hub.LastNoticeAt, now)}."));
    }
}
