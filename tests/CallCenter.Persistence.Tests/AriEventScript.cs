using System.Globalization;
using System.Text.Json;
using CallCenter.Contracts;

namespace CallCenter.Persistence.Tests;

/// <summary>A channel as ARI describes it; its state changes as the script runs.</summary>
public sealed class ScriptChannel(string id, string name, string linkedId, string callerNumber, string callerName, string context, string exten, DateTimeOffset createdAt)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    /// <summary>Asterisk moves a channel to the oldest linkedid when a transfer bridges it into another call.</summary>
    public string LinkedId { get; set; } = linkedId;
    public string CallerNumber { get; } = callerNumber;
    public string CallerName { get; } = callerName;
    public string Context { get; } = context;
    public string Exten { get; } = exten;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public string State { get; set; } = "Ring";
}

/// <summary>
/// Writes ARI events shaped exactly like Asterisk 22's (events.json / channels.json: timestamps with a
/// "+0000" offset, channel JSON with CHANNEL(linkedid) in channelvars), wrapped as the ingestion
/// service's stream entries.
/// </summary>
public sealed class AriEventScript(DateTimeOffset start, string asteriskId = "52:54:00:aa:bb:cc", string? connectionId = null)
{
    private static int _uniqueSequence;
    private readonly string _connectionId = connectionId ?? Guid.NewGuid().ToString("N")[..12];
    private long _ordinal;

    public DateTimeOffset Now { get; private set; } = start;

    public string AsteriskId { get; } = asteriskId;

    public List<AriStreamEntry> Entries { get; } = [];

    public AriEventScript Wait(double seconds)
    {
        Now = Now.AddSeconds(seconds);
        return this;
    }

    /// <summary>A new channel; with <paramref name="linkedTo"/> it joins that channel's call (a dialed leg).</summary>
    public ScriptChannel NewChannel(string endpoint, string callerNumber, string exten, ScriptChannel? linkedTo = null, string context = "from-external", string callerName = "")
    {
        var sequence = Interlocked.Increment(ref _uniqueSequence);
        var id = string.Create(CultureInfo.InvariantCulture, $"{Now.ToUnixTimeSeconds()}.{sequence}");
        var name = string.Create(CultureInfo.InvariantCulture, $"{endpoint}-{sequence:x8}");
        return new ScriptChannel(id, name, linkedTo?.LinkedId ?? id, callerNumber, callerName, context, exten, Now);
    }

    public AriEventScript Created(ScriptChannel channel) => Add("ChannelCreated", channel, "");

    public AriEventScript Dialplan(ScriptChannel channel, string app, string data) =>
        Add("ChannelDialplan", channel, $"\"dialplan_app\":{Json(app)},\"dialplan_app_data\":{Json(data)}");

    public AriEventScript Varset(ScriptChannel channel, string variable, string value) =>
        Add("ChannelVarset", channel, $"\"variable\":{Json(variable)},\"value\":{Json(value)}");

    public AriEventScript StasisStart(ScriptChannel channel, params string[] args) =>
        Add("StasisStart", channel, $"\"args\":[{string.Join(',', args.Select(Json))}]");

    public AriEventScript StasisEnd(ScriptChannel channel) => Add("StasisEnd", channel, "");

    public AriEventScript State(ScriptChannel channel, string state)
    {
        channel.State = state;
        return Add("ChannelStateChange", channel, "");
    }

    public AriEventScript Dial(ScriptChannel caller, ScriptChannel peer, string dialStatus) =>
        Add("Dial", peer, $"\"caller\":{ChannelJson(caller)},\"dialstring\":{Json(peer.Name.Split('-')[0].Split('/')[1])},\"dialstatus\":{Json(dialStatus)}", channelProperty: "peer");

    public AriEventScript EnteredBridge(ScriptChannel channel, string bridgeId) =>
        Add("ChannelEnteredBridge", channel, $"\"bridge\":{BridgeJson(bridgeId)}");

    public AriEventScript LeftBridge(ScriptChannel channel, string bridgeId) =>
        Add("ChannelLeftBridge", channel, $"\"bridge\":{BridgeJson(bridgeId)}");

    public AriEventScript Hold(ScriptChannel channel) => Add("ChannelHold", channel, "\"musicclass\":\"default\"");

    public AriEventScript Unhold(ScriptChannel channel) => Add("ChannelUnhold", channel, "");

    public AriEventScript HangupRequest(ScriptChannel channel, int cause) =>
        Add("ChannelHangupRequest", channel, $"\"cause\":{cause},\"soft\":false");

    /// <summary>A soft hangup request: Asterisk itself, an application or ARI (DELETE /channels/{id}) ended the channel.</summary>
    public AriEventScript SoftHangupRequest(ScriptChannel channel) =>
        Add("ChannelHangupRequest", channel, "\"soft\":true");

    public AriEventScript Destroyed(ScriptChannel channel, int cause, string causeText) =>
        Add("ChannelDestroyed", channel, $"\"cause\":{cause},\"cause_txt\":{Json(causeText)}");

    public AriEventScript BlindTransfer(ScriptChannel transferer, ScriptChannel transferee, string exten, string bridgeId) =>
        Add("BridgeBlindTransfer", transferer, $"\"transferee\":{ChannelJson(transferee)},\"exten\":{Json(exten)},\"context\":\"from-internal\",\"result\":\"Success\",\"is_external\":false,\"bridge\":{BridgeJson(bridgeId)}");

    public AriEventScript AttendedTransfer(ScriptChannel firstLeg, ScriptChannel secondLeg, ScriptChannel transferee, ScriptChannel target) =>
        Add("BridgeAttendedTransfer", firstLeg,
            $"\"transferer_second_leg\":{ChannelJson(secondLeg)},\"transferee\":{ChannelJson(transferee)},\"transfer_target\":{ChannelJson(target)},\"result\":\"Success\",\"is_external\":false,\"destination_type\":\"bridge\",\"destination_bridge\":\"b-merged\"",
            channelProperty: "transferer_first_leg");

    /// <summary>A snapshot entry as the ingestion service writes after a reconnect.</summary>
    public AriEventScript Snapshot(params ScriptChannel[] liveChannels) => Snapshot(AsteriskId, liveChannels);

    /// <summary>A snapshot; the ingestion service leaves the Asterisk id out when it has not seen an event yet.</summary>
    public AriEventScript Snapshot(string? asteriskId, params ScriptChannel[] liveChannels)
    {
        var snapshot = new ChannelSnapshot(
            Now,
            2,
            [.. liveChannels.Select(c => new SnapshotChannel(c.Id, c.LinkedId, c.Name, c.State, c.CreatedAt))],
            [.. liveChannels.Select(c => c.Id)]);
        Entries.Add(new AriStreamEntry(
            AriStreamEntryKind.Snapshot, "Snapshot", null, null, asteriskId, Now, NextEventId(),
            JsonSerializer.Serialize(snapshot, ContractsJsonContext.Default.ChannelSnapshot)));
        return this;
    }

    /// <summary>The usual inbound start: created, recorded, handed to Stasis, continued.</summary>
    public AriEventScript InboundStart(ScriptChannel caller, string recordingName)
    {
        Created(caller);
        Dialplan(caller, "Gosub", "callcenter-record,s,1(inbound)");
        Varset(caller, "CALLCENTER_RECORDING", recordingName);
        Varset(caller, "MIXMONITOR_FILENAME", $"/var/spool/asterisk/recording/{recordingName}.wav");
        StasisStart(caller, "inbound", caller.CallerNumber, caller.Exten);
        Wait(0.003);
        StasisEnd(caller);
        return Varset(caller, "STASISSTATUS", "SUCCESS");
    }

    private AriEventScript Add(string type, ScriptChannel channel, string body, string channelProperty = "channel")
    {
        var json = $$"""{"type":"{{type}}","timestamp":"{{Stamp(Now)}}",{{(body.Length > 0 ? body + "," : "")}}"{{channelProperty}}":{{ChannelJson(channel)}},"asterisk_id":"{{AsteriskId}}","application":"call-center"}""";
        Entries.Add(new AriStreamEntry(AriStreamEntryKind.Event, type, channel.LinkedId, channel.Id, AsteriskId, Now.AddMilliseconds(2), NextEventId(), json));
        return this;
    }

    private string NextEventId() => string.Create(CultureInfo.InvariantCulture, $"{_connectionId}:{++_ordinal}");

    private static string ChannelJson(ScriptChannel c) =>
        $$$"""{"id":"{{{c.Id}}}","name":"{{{c.Name}}}","state":"{{{c.State}}}","protocol_id":"{{{c.Id}}}@127.0.0.1","caller":{"name":{{{Json(c.CallerName)}}},"number":{{{Json(c.CallerNumber)}}}},"connected":{"name":"","number":""},"accountcode":"","dialplan":{"context":"{{{c.Context}}}","exten":{{{Json(c.Exten)}}},"priority":1,"app_name":"","app_data":""},"creationtime":"{{{Stamp(c.CreatedAt)}}}","language":"en","channelvars":{"CHANNEL(linkedid)":"{{{c.LinkedId}}}"}}""";

    private static string BridgeJson(string id) =>
        $$"""{"id":"{{id}}","technology":"simple_bridge","bridge_type":"mixing","bridge_class":"basic","creator":"","name":"","channels":[],"video_mode":"talker","creationtime":"2026-11-22T09:00:00.000+0000"}""";

    private static string Json(string value) => JsonSerializer.Serialize(value);

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
