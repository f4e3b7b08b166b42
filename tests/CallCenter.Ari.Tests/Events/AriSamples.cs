namespace CallCenter.Ari.Tests.Events;

/// <summary>Event frames in the shapes of the ARI 22 model definitions (events.json / channels.json / bridges.json).</summary>
internal static class AriSamples
{
    public const string CallerChannel = """
        {"id":"1715000000.11","name":"PJSIP/101-0000000a","state":"Ring","protocol_id":"a84c1f2e-6b@127.0.0.1",
         "caller":{"name":"Alice","number":"101"},"connected":{"name":"","number":""},"accountcode":"sales",
         "dialplan":{"context":"from-internal","exten":"200","priority":3,"app_name":"Stasis","app_data":"call-center,inbound"},
         "creationtime":"2025-03-01T09:15:30.123+0500","language":"en",
         "channelvars":{"CHANNEL(linkedid)":"1715000000.11","CDR(userfield)":""}}
        """;

    public const string AgentChannel = """
        {"id":"1715000000.12","name":"PJSIP/102-0000000b","state":"Ringing",
         "caller":{"name":"Bob","number":"102"},"connected":{"name":"Alice","number":"101"},"accountcode":"",
         "dialplan":{"context":"from-internal","exten":"s","priority":1,"app_name":"AppDial","app_data":"(Outgoing Line)"},
         "creationtime":"2025-03-01T09:15:31.001+0500","language":"en"}
        """;

    public const string Bridge = """
        {"id":"b7d1c7a0-1111-4c0e-9a57-000000000001","technology":"simple_bridge","bridge_type":"mixing","bridge_class":"stasis",
         "creator":"Stasis","name":"call-1715000000.11","channels":["1715000000.11","1715000000.12"],
         "video_mode":"talker","creationtime":"2025-03-01T09:15:32.500+0500"}
        """;

    public static readonly string StasisStart = $$"""
        {"type":"StasisStart","timestamp":"2025-03-01T09:15:30.200+0500","args":["inbound","queue-1"],
         "channel":{{CallerChannel}},"asterisk_id":"02:42:ac:11:00:02","application":"call-center"}
        """;

    public static readonly string StasisEnd = $$"""
        {"type":"StasisEnd","timestamp":"2025-03-01T09:20:00.000+0500","channel":{{CallerChannel}},"asterisk_id":"02:42:ac:11:00:02","application":"call-center"}
        """;

    public static readonly string ChannelDestroyed = $$"""
        {"type":"ChannelDestroyed","timestamp":"2025-03-01T09:20:00.100+0500","cause":17,"cause_txt":"User busy",
         "channel":{{AgentChannel}},"asterisk_id":"02:42:ac:11:00:02","application":"call-center"}
        """;

    public static readonly string ChannelHangupRequest = $$"""
        {"type":"ChannelHangupRequest","timestamp":"2025-03-01T09:19:59.000+0500","soft":true,"cause":16,
         "channel":{{CallerChannel}},"asterisk_id":"02:42:ac:11:00:02","application":"call-center"}
        """;

    public static readonly string Dial = $$"""
        {"type":"Dial","timestamp":"2025-03-01T09:15:31.050+0500","dialstatus":"ANSWER","dialstring":"102","forward":"",
         "caller":{{CallerChannel}},"peer":{{AgentChannel}},"asterisk_id":"02:42:ac:11:00:02","application":"call-center"}
        """;

    public static readonly string ChannelVarsetGlobal = """
        {"type":"ChannelVarset","timestamp":"2025-03-01T09:15:30.300+0500","variable":"GLOBAL_FLAG","value":"1",
         "asterisk_id":"02:42:ac:11:00:02","application":"call-center"}
        """;

    public static readonly string ChannelEnteredBridge = $$"""
        {"type":"ChannelEnteredBridge","timestamp":"2025-03-01T09:15:32.600+0500","bridge":{{Bridge}},
         "channel":{{AgentChannel}},"asterisk_id":"02:42:ac:11:00:02","application":"call-center"}
        """;

    public static readonly string BridgeAttendedTransfer = $$"""
        {"type":"BridgeAttendedTransfer","timestamp":"2025-03-01T09:18:00.000+0500","result":"Success","is_external":false,
         "transferer_first_leg":{{AgentChannel}},"transferer_second_leg":{{CallerChannel}},
         "transferer_first_leg_bridge":{{Bridge}},"destination_type":"bridge","destination_bridge":"b7d1c7a0-1111-4c0e-9a57-000000000001",
         "asterisk_id":"02:42:ac:11:00:02","application":"call-center"}
        """;

    public const string RecordingFinished = """
        {"type":"RecordingFinished","timestamp":"2025-03-01T09:20:00.500+0500",
         "recording":{"name":"call-1715000000.11","format":"wav","target_uri":"bridge:b7d1c7a0-1111-4c0e-9a57-000000000001",
                      "state":"done","duration":268,"talking_duration":200,"silence_duration":68},
         "asterisk_id":"02:42:ac:11:00:02","application":"call-center"}
        """;

    public const string PlaybackStarted = """
        {"type":"PlaybackStarted","timestamp":"2025-03-01T09:15:30.400+0500",
         "playback":{"id":"pb-1","media_uri":"sound:hello-world","target_uri":"channel:1715000000.11","language":"en","state":"playing"},
         "asterisk_id":"02:42:ac:11:00:02","application":"call-center"}
        """;

    public const string UnknownType = """
        {"type":"ChannelTalkingStarted","timestamp":"2025-03-01T09:16:00.000+0000","channel":{"id":"x"},"application":"call-center"}
        """;

    public static string NumberedVarset(int number) =>
        $$"""{"type":"ChannelVarset","timestamp":"2025-03-01T09:15:30.300+0000","variable":"SEQ","value":"{{number}}","application":"call-center"}""";
}
