using CallCenter.Api.Live;
using CallCenter.Api.Options;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Diagnostics.Checks;

/// <summary>7. This API: its live subscribers and the last change notice it published to them.</summary>
public sealed class ApiCheck(
    CallChangeHub hub,
    ServiceStatusReader statuses,
    IOptions<LiveUpdatesOptions> liveUpdates,
    TimeProvider time) : IDiagnosticCheck
{
    /// <summary>A commit this much newer than the last notice means the notices do not arrive.</summary>
    private static readonly TimeSpan NoticeGrace = TimeSpan.FromSeconds(10);

    public int Order => 7;

    public string Name => "API";

    public async Task<DiagnosticCheck> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = new CheckResult(Name, time)
            .Saw("subscribers", $"{hub.SubscriberCount} live subscriptions on this instance")
            .Saw("notice channel", liveUpdates.Value.Channel)
            .Saw("last notice published", hub.LastNoticeAt is { } at ? $"{Age.When(at, now)}, call {hub.LastNoticeCallId}" : "none since this instance started");

        var lastCommit = (await statuses.WorkersAsync()).Max(w => w.LastCommitAt);
        if (lastCommit is { } committed && committed - (hub.LastNoticeAt ?? DateTimeOffset.MinValue) > NoticeGrace
            && now - committed < TimeSpan.FromHours(1))
        {
            result.Problem(DiagnosticStatus.Warning, $"The worker committed {Age.When(committed, now)} but no change notice reached this API since: live views do not update.",
                $"The API's LiveUpdates__Channel ('{liveUpdates.Value.Channel}') must equal the worker's Persistence__NoticeChannel, on the same Redis; watch it with: redis-cli SUBSCRIBE {liveUpdates.Value.Channel}");
        }

        return result.Build($"{hub.SubscriberCount} live subscriptions; last notice {Age.When(hub.LastNoticeAt, now)}.");
    }
}
