namespace CallCenter.Api.Diagnostics;

/// <summary>What a stalled hop means and what it needs, in the words of the original team's checklist.</summary>
internal static class ProbeDiagnosis
{
    public static string Route(ProbeTarget target) => $"Local/{target.Number}@{target.Context}";

    public static string NoStasisFix(ProbeTarget target, string application) =>
        $"Send inbound calls through the application before routing them, in extensions.conf: [{target.Context}] "
        + $"exten => _X.,1,Stasis({application},inbound,${{CALLERID(num)}},${{EXTEN}}) — then continue to the route as asterisk/README.md shows, "
        + "and run: asterisk -rx \"dialplan reload\". Check with: asterisk -rx \"dialplan show " + target.Number + "@" + target.Context + "\"";

    public static string NoApplicationFix(string application) =>
        $"The ingestion service is not connected as '{application}' (see the Ingestion check), or the dialplan's Stasis() names another application: it must be Stasis({application},...).";

    public const string OriginateFix =
        "See the ARI check; the probe's context and number must exist in the dialplan (Diagnostics:Probe:Context and Number, or the mutation's arguments).";

    public static string StreamFix(string stream) =>
        $"See the Ingestion and Redis stream checks; the API's Diagnostics:StreamName ('{stream}') must equal the ingestion service's Ingestion:StreamName.";

    public const string NoWorkerFix =
        "Start the persistence worker (CallCenter.Persistence) with the same ConnectionStrings__redis and ConnectionStrings__callcenterdb as the API.";

    public static string SlowWorkerFix(string stream) =>
        $"See the Worker and Redis stream checks (is it behind, are its commits failing?); the worker must read stream '{stream}' (Persistence:StreamName).";

    public static string NoticeFix(string channel) =>
        $"The API's LiveUpdates:Channel ('{channel}') must equal the worker's Persistence:NoticeChannel, on the same Redis; watch it with: redis-cli SUBSCRIBE {channel}";

    public const string EndFix =
        "The end of the call did not reach the log: see the Ingestion, Redis stream and Worker checks, and the worker's log.";
}
