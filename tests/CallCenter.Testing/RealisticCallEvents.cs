using System.Globalization;

namespace CallCenter.Testing;

/// <summary>
/// Generates ARI event JSON shaped like what Asterisk 22 sends for an inbound call through the
/// shipped dialplan (record, Stasis, answer, talk, hang up): about 22 events a call, channel JSON
/// with the CHANNEL(linkedid) channel variable. For benchmarks and replay, not for correctness tests
/// (those use the real Asterisk).
/// </summary>
public static class RealisticCallEvents
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The events of call number <paramref name="call"/> (1-based), in Asterisk's order.</summary>
    public static IEnumerable<string> ForCall(int call, string asteriskId = "52:54:00:12:34:56")
    {
        var start = Epoch.AddMilliseconds(call * 37L);
        var id = string.Create(CultureInfo.InvariantCulture, $"{start.ToUnixTimeSeconds()}.{call}");
        var name = string.Create(CultureInfo.InvariantCulture, $"PJSIP/trunk-{call:x8}");
        var caller = string.Create(CultureInfo.InvariantCulture, $"99890{call % 10_000_000:D7}");
        const string dialed = "2000";
        var recording = "inbound-" + id.Replace('.', '-');
        var talkEnds = start.AddSeconds(9);

        string Channel(string state, string app, string data, int priority, DateTimeOffset at) =>
            $$$"""{"id":"{{{id}}}","name":"{{{name}}}","state":"{{{state}}}","protocol_id":"{{{call}}}-callid@127.0.0.1","caller":{"name":"","number":"{{{caller}}}"},"connected":{"name":"","number":""},"accountcode":"","dialplan":{"context":"from-external","exten":"{{{dialed}}}","priority":{{{priority}}},"app_name":"{{{app}}}","app_data":"{{{data}}}"},"creationtime":"{{{Stamp(start)}}}","language":"en","channelvars":{"CHANNEL(linkedid)":"{{{id}}}"}}""";

        string Event(string type, DateTimeOffset at, string body) =>
            $$$"""{"type":"{{{type}}}","timestamp":"{{{Stamp(at)}}}",{{{body}}},"asterisk_id":"{{{asteriskId}}}","application":"call-center"}""";

        var t = start;
        yield return Event("ChannelCreated", t, $"\"channel\":{Channel("Ring", "", "", 1, t)}");
        yield return Event("ChannelDialplan", t, $"\"dialplan_app\":\"Gosub\",\"dialplan_app_data\":\"callcenter-record,s,1(inbound)\",\"channel\":{Channel("Ring", "Gosub", "callcenter-record,s,1(inbound)", 1, t)}");
        yield return Event("ChannelVarset", t, $"\"variable\":\"GOSUB_RETVAL\",\"value\":\"\",\"channel\":{Channel("Ring", "Gosub", "", 1, t)}");
        yield return Event("ChannelDialplan", t, $"\"dialplan_app\":\"Set\",\"dialplan_app_data\":\"CALLCENTER_RECORDING={recording}\",\"channel\":{Channel("Ring", "Set", "", 1, t)}");
        yield return Event("ChannelVarset", t, $"\"variable\":\"CALLCENTER_RECORDING\",\"value\":\"{recording}\",\"channel\":{Channel("Ring", "Set", "", 1, t)}");
        yield return Event("ChannelDialplan", t, $"\"dialplan_app\":\"MixMonitor\",\"dialplan_app_data\":\"/var/spool/asterisk/recording/{recording}.wav\",\"channel\":{Channel("Ring", "MixMonitor", "", 2, t)}");
        yield return Event("ChannelVarset", t, $"\"variable\":\"MIXMONITOR_FILENAME\",\"value\":\"/var/spool/asterisk/recording/{recording}.wav\",\"channel\":{Channel("Ring", "MixMonitor", "", 2, t)}");
        yield return Event("ChannelDialplan", t, $"\"dialplan_app\":\"Return\",\"dialplan_app_data\":\"\",\"channel\":{Channel("Ring", "Return", "", 3, t)}");
        yield return Event("ChannelDialplan", t, $"\"dialplan_app\":\"Stasis\",\"dialplan_app_data\":\"call-center,inbound,{caller},{dialed}\",\"channel\":{Channel("Ring", "Stasis", "", 2, t)}");
        yield return Event("StasisStart", t, $"\"args\":[\"inbound\",\"{caller}\",\"{dialed}\"],\"channel\":{Channel("Ring", "Stasis", "", 2, t)}");
        t = t.AddMilliseconds(3);
        yield return Event("StasisEnd", t, $"\"channel\":{Channel("Ring", "Stasis", "", 2, t)}");
        yield return Event("ChannelVarset", t, $"\"variable\":\"STASISSTATUS\",\"value\":\"SUCCESS\",\"channel\":{Channel("Ring", "Stasis", "", 2, t)}");
        yield return Event("ChannelDialplan", t, $"\"dialplan_app\":\"Gosub\",\"dialplan_app_data\":\"callcenter-after-stasis,s,1\",\"channel\":{Channel("Ring", "Gosub", "", 3, t)}");
        yield return Event("ChannelDialplan", t, $"\"dialplan_app\":\"Goto\",\"dialplan_app_data\":\"inbound-route,{dialed},1\",\"channel\":{Channel("Ring", "Goto", "", 4, t)}");
        yield return Event("ChannelDialplan", t, $"\"dialplan_app\":\"Answer\",\"dialplan_app_data\":\"\",\"channel\":{Channel("Ring", "Answer", "", 1, t)}");
        t = t.AddMilliseconds(20);
        yield return Event("ChannelStateChange", t, $"\"channel\":{Channel("Up", "Answer", "", 1, t)}");
        yield return Event("ChannelDialplan", t, $"\"dialplan_app\":\"Echo\",\"dialplan_app_data\":\"\",\"channel\":{Channel("Up", "Echo", "", 2, t)}");
        yield return Event("ChannelHangupRequest", talkEnds, $"\"soft\":false,\"cause\":16,\"channel\":{Channel("Up", "Echo", "", 2, talkEnds)}");
        yield return Event("ChannelVarset", talkEnds, $"\"variable\":\"MIXMONITOR_FILENAME\",\"value\":\"/var/spool/asterisk/recording/{recording}.wav\",\"channel\":{Channel("Up", "Echo", "", 2, talkEnds)}");
        yield return Event("ChannelHangupRequest", talkEnds, $"\"cause\":16,\"channel\":{Channel("Up", "Echo", "", 2, talkEnds)}");
        yield return Event("ChannelVarset", talkEnds, $"\"variable\":\"DIALSTATUS\",\"value\":\"\",\"channel\":{Channel("Up", "", "", 2, talkEnds)}");
        yield return Event("ChannelDestroyed", talkEnds, $"\"cause\":16,\"cause_txt\":\"Normal Clearing\",\"channel\":{Channel("Up", "", "", 2, talkEnds)}");
    }

    /// <summary>Stasis args of a generated call, as the dialplan passes them.</summary>
    public static string CallerNumber(int call) => string.Create(CultureInfo.InvariantCulture, $"99890{call % 10_000_000:D7}");

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
