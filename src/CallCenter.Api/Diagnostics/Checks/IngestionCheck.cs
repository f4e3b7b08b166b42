using CallCenter.Ari;
using CallCenter.Ari.Rest;
using CallCenter.Contracts.Diagnostics;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Diagnostics.Checks;

/// <summary>2. The ingestion service: connected to the application with subscribeAll, its last event, its reconnects.</summary>
public sealed class IngestionCheck(
    ServiceStatusReader statuses,
    AriClient ari,
    IOptions<AriOptions> ariOptions,
    IOptions<DiagnosticsOptions> options,
    TimeProvider time) : IDiagnosticCheck
{
    public int Order => 2;

    public string Name => "Ingestion";

    public async Task<DiagnosticCheck> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var application = ariOptions.Value.Application;
        var now = time.GetUtcNow();
        var result = new CheckResult(Name, time);
        var all = await statuses.IngestionAsync();
        var fresh = all.Where(s => now - s.UpdatedAt <= settings.StatusStaleAfter).ToList();
        foreach (var stale in all.Except(fresh))
        {
            result.Saw($"instance {stale.InstanceId}", $"silent since {Age.When(stale.UpdatedAt, now)}");
        }

        await SeeRegisteredApplicationAsync(result, application, cancellationToken);
        if (fresh.Count == 0)
        {
            result.Problem(DiagnosticStatus.Failed, $"No ingestion service has reported in the last {Age.Of(settings.StatusStaleAfter)}.",
                "Start the ingestion service (CallCenter.Ingestion) with ConnectionStrings__redis pointing at the same Redis as the API; if it runs, its log says why it cannot write to Redis.");
            return result.Build("");
        }

        foreach (var status in fresh)
        {
            See(result, status, now);
            Judge(result, status, application, settings);
        }

        var connected = fresh.First();
        return result.Build($"Connected to application '{connected.Application}' with subscribeAll; last event {Age.When(connected.LastEventAt, now)}.");
    }

    private async Task SeeRegisteredApplicationAsync(CheckResult result, string application, CancellationToken cancellationToken)
    {
        try
        {
            var registered = await ari.Applications.GetAsync(application, cancellationToken);
            result.Saw("Asterisk", $"application '{registered.Name}' is registered");
        }
        catch (AriNotFoundException)
        {
            result.Saw("Asterisk", $"no application '{application}' is registered");
            result.Problem(DiagnosticStatus.Failed, $"Asterisk has no application '{application}': Stasis({application},...) fails (STASISSTATUS=FAILED) and calls are not captured.",
                $"The ingestion service must be connected to ARI's event socket as '{application}' (Ari__Application); the dialplan's Stasis() must name the same application.");
        }
        catch (Exception exception) when (exception is AriException or HttpRequestException)
        {
            result.Saw("Asterisk", $"could not list applications: {exception.Message} (see the ARI check)");
        }
    }

    private static void See(CheckResult result, IngestionStatus status, DateTimeOffset now)
    {
        var label = $"instance {status.InstanceId}";
        result.Saw(label, status.ConnectionState == "Connected"
            ? $"connected since {Age.When(status.ConnectedSince, now)} as '{status.Application}', subscribeAll {(status.SubscribeAll ? "on" : "off")}"
            : $"{status.ConnectionState}: {status.LastConnectionError ?? "no error reported"}");
        result.Saw($"{label} last event", Age.When(status.LastEventAt, now));
        result.Saw($"{label} reconnects in the last hour", status.RecentReconnects.Count == 0
            ? "none"
            : $"{status.RecentReconnects.Count} (last {Age.When(status.RecentReconnects[^1], now)})");
        if (status.BufferedEntries > 0 || status.DroppedEntries > 0)
        {
            result.Saw($"{label} buffered / dropped", $"{status.BufferedEntries} / {status.DroppedEntries}");
        }
    }

    private static void Judge(CheckResult result, IngestionStatus status, string application, DiagnosticsOptions settings)
    {
        if (status.ConnectionState != "Connected")
        {
            result.Problem(DiagnosticStatus.Failed, $"The ingestion service is not connected to ARI ({status.ConnectionState}): {status.LastConnectionError}",
                "It retries by itself. Check the ingestion service's Ari__BaseUrl, Ari__Username and Ari__Password (the ARI check tests the API's copy of them) and that ARI's WebSocket (/ari/events) is reachable from it.");
        }

        if (!string.Equals(status.Application, application, StringComparison.Ordinal))
        {
            result.Problem(DiagnosticStatus.Failed, $"The ingestion service registers application '{status.Application}', the API expects '{application}'.",
                $"Use one name everywhere: Ari__Application of every service and Stasis({application},...) in the dialplan.");
        }

        if (!status.SubscribeAll)
        {
            result.Problem(DiagnosticStatus.Warning, "subscribeAll is off: events of channels outside the application (and of calls that never reach it) are missed.",
                "Set Ari__SubscribeAll=true for the ingestion service.");
        }

        if (status.RecentReconnects.Count >= settings.ReconnectsWarning)
        {
            result.Problem(DiagnosticStatus.Warning, $"The ARI socket reconnected {status.RecentReconnects.Count} times in the last hour; events of calls during each gap are lost.",
                "Look for what drops it: Asterisk restarts (asterisk -rx \"core show uptime\"), a proxy or firewall closing idle WebSockets (Ari__KeepAliveInterval), or network trouble between the ingestion service and Asterisk.");
        }

        if (status.LastWriteError is { } error)
        {
            result.Problem(DiagnosticStatus.Failed, $"The ingestion service cannot write to Redis ({error}); {status.BufferedEntries} events are waiting in memory.",
                "See the Redis stream check; events are written in order once Redis answers again, up to Ingestion:BufferCapacity.");
        }
        else if (status.DroppedEntries > 0)
        {
            result.Problem(DiagnosticStatus.Warning, $"{status.DroppedEntries} events were dropped since the ingestion service started (its buffer was full while Redis was away).",
                "Those calls may be incomplete in the log. Raise Ingestion:BufferCapacity if Redis outages are expected to last longer.");
        }
    }
}
