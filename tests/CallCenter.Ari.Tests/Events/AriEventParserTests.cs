using System.Text;
using CallCenter.Ari.Events;

namespace CallCenter.Ari.Tests.Events;

public sealed class AriEventParserTests
{
    [Fact]
    public void StasisStart_carries_common_fields_args_channel_and_exact_raw_text()
    {
        var item = AriEventParser.Parse(AriSamples.StasisStart);

        var start = Assert.IsType<StasisStart>(item);
        Assert.Equal("StasisStart", start.Type);
        Assert.Equal("call-center", start.Application);
        Assert.Equal("02:42:ac:11:00:02", start.AsteriskId);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 15, 30, 200, TimeSpan.FromHours(5)), start.Timestamp);
        Assert.Equal(["inbound", "queue-1"], start.Args);
        Assert.Equal(AriSamples.StasisStart, start.RawJson);

        var channel = start.Channel;
        Assert.Equal("1715000000.11", channel.Id);
        Assert.Equal("PJSIP/101-0000000a", channel.Name);
        Assert.Equal("Ring", channel.State);
        Assert.Equal("a84c1f2e-6b@127.0.0.1", channel.ProtocolId);
        Assert.Equal(("Alice", "101"), (channel.Caller.Name, channel.Caller.Number));
        Assert.Equal("sales", channel.AccountCode);
        Assert.Equal(("from-internal", "200", 3L), (channel.Dialplan.Context, channel.Dialplan.Extension, channel.Dialplan.Priority));
        Assert.Equal(("Stasis", "call-center,inbound"), (channel.Dialplan.AppName, channel.Dialplan.AppData));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 4, 15, 30, 123, TimeSpan.Zero), channel.CreationTime);
        Assert.Equal("en", channel.Language);
        Assert.Null(channel.LinkedId);
        Assert.Equal("1715000000.11", channel.LinkedIdOrChannelVar);
    }

    [Fact]
    public void Channel_linkedid_field_wins_over_channel_variable_when_asterisk_sends_it()
    {
        var json = AriSamples.StasisStart.Replace("\"language\":\"en\"", "\"language\":\"en\",\"linkedid\":\"1715000000.5\"", StringComparison.Ordinal);

        var start = Assert.IsType<StasisStart>(AriEventParser.Parse(json));

        Assert.Equal("1715000000.5", start.Channel.LinkedId);
        Assert.Equal("1715000000.5", start.Channel.LinkedIdOrChannelVar);
    }

    [Fact]
    public void ChannelDestroyed_has_cause_and_cause_text()
    {
        var destroyed = Assert.IsType<ChannelDestroyed>(AriEventParser.Parse(AriSamples.ChannelDestroyed));

        Assert.Equal(17, destroyed.Cause);
        Assert.Equal("User busy", destroyed.CauseText);
        Assert.Equal("1715000000.12", destroyed.Channel.Id);
        Assert.Equal(("Alice", "101"), (destroyed.Channel.Connected.Name, destroyed.Channel.Connected.Number));
    }

    [Fact]
    public void ChannelHangupRequest_has_cause_and_soft_flag()
    {
        var request = Assert.IsType<ChannelHangupRequest>(AriEventParser.Parse(AriSamples.ChannelHangupRequest));

        Assert.Equal(16, request.Cause);
        Assert.True(request.Soft);
    }

    [Fact]
    public void Dial_has_caller_peer_status_and_dialstring()
    {
        var dial = Assert.IsType<Dial>(AriEventParser.Parse(AriSamples.Dial));

        Assert.Equal("ANSWER", dial.DialStatus);
        Assert.Equal("102", dial.DialString);
        Assert.Equal("1715000000.11", dial.Caller?.Id);
        Assert.Equal("1715000000.12", dial.Peer.Id);
        Assert.Null(dial.Forwarded);
    }

    [Fact]
    public void ChannelVarset_without_channel_is_a_global_variable()
    {
        var varset = Assert.IsType<ChannelVarset>(AriEventParser.Parse(AriSamples.ChannelVarsetGlobal));

        Assert.Null(varset.Channel);
        Assert.Equal(("GLOBAL_FLAG", "1"), (varset.Variable, varset.Value));
    }

    [Fact]
    public void Bridge_events_carry_bridge_and_transfer_details()
    {
        var entered = Assert.IsType<ChannelEnteredBridge>(AriEventParser.Parse(AriSamples.ChannelEnteredBridge));
        Assert.Equal("b7d1c7a0-1111-4c0e-9a57-000000000001", entered.Bridge.Id);
        Assert.Equal(["1715000000.11", "1715000000.12"], entered.Bridge.Channels);
        Assert.Equal("mixing", entered.Bridge.BridgeType);

        var transfer = Assert.IsType<BridgeAttendedTransfer>(AriEventParser.Parse(AriSamples.BridgeAttendedTransfer));
        Assert.Equal("Success", transfer.Result);
        Assert.Equal("bridge", transfer.DestinationType);
        Assert.Equal("1715000000.12", transfer.TransfererFirstLeg.Id);
        Assert.Equal("1715000000.11", transfer.TransfererSecondLeg.Id);
        Assert.Equal(entered.Bridge.Id, transfer.TransfererFirstLegBridge?.Id);
    }

    [Fact]
    public void Recording_and_playback_events_carry_their_objects()
    {
        var finished = Assert.IsType<RecordingFinished>(AriEventParser.Parse(AriSamples.RecordingFinished));
        Assert.Equal(("call-1715000000.11", "wav", "done", 268), (finished.Recording.Name, finished.Recording.Format, finished.Recording.State, finished.Recording.DurationSeconds));

        var playback = Assert.IsType<PlaybackStarted>(AriEventParser.Parse(AriSamples.PlaybackStarted));
        Assert.Equal(("pb-1", "sound:hello-world", "playing"), (playback.Playback.Id, playback.Playback.MediaUri, playback.Playback.State));
    }

    [Theory]
    [InlineData("StasisEnd", typeof(StasisEnd))]
    [InlineData("ChannelCreated", typeof(ChannelCreated))]
    [InlineData("ChannelStateChange", typeof(ChannelStateChange))]
    [InlineData("ChannelDialplan", typeof(ChannelDialplan))]
    [InlineData("ChannelLeftBridge", typeof(ChannelLeftBridge))]
    [InlineData("ChannelHold", typeof(ChannelHold))]
    [InlineData("ChannelUnhold", typeof(ChannelUnhold))]
    [InlineData("ChannelCallerId", typeof(ChannelCallerId))]
    [InlineData("ChannelConnectedLine", typeof(ChannelConnectedLine))]
    [InlineData("BridgeCreated", typeof(BridgeCreated))]
    [InlineData("BridgeDestroyed", typeof(BridgeDestroyed))]
    [InlineData("BridgeBlindTransfer", typeof(BridgeBlindTransfer))]
    [InlineData("RecordingStarted", typeof(RecordingStarted))]
    [InlineData("RecordingFailed", typeof(RecordingFailed))]
    [InlineData("PlaybackFinished", typeof(PlaybackFinished))]
    public void Each_call_event_type_maps_to_its_model(string type, Type expected)
    {
        var json = $$"""{"type":"{{type}}","application":"call-center","timestamp":"2025-03-01T09:15:30.000+0000","channel":{{AriSamples.CallerChannel}},"bridge":{{AriSamples.Bridge}}}""";

        var item = AriEventParser.Parse(json);

        Assert.IsType(expected, item);
        Assert.Equal(type, ((AriEvent)item).Type);
    }

    [Fact]
    public void Unknown_type_is_kept_with_common_fields_and_raw_text()
    {
        var unknown = Assert.IsType<UnknownAriEvent>(AriEventParser.Parse(AriSamples.UnknownType));

        Assert.Equal("ChannelTalkingStarted", unknown.Type);
        Assert.Equal("call-center", unknown.Application);
        Assert.Equal(AriSamples.UnknownType, unknown.RawJson);
    }

    [Fact]
    public void Unparseable_timestamp_keeps_the_event_without_a_timestamp()
    {
        var end = Assert.IsType<StasisEnd>(AriEventParser.Parse(AriSamples.StasisEnd.Replace("2025-03-01T09:20:00.000+0500", "yesterday", StringComparison.Ordinal)));

        Assert.Null(end.Timestamp);
        Assert.Equal("1715000000.11", end.Channel.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("\"StasisStart\"")]
    [InlineData("{\"application\":\"call-center\"}")]
    [InlineData("{\"type\":5}")]
    [InlineData("{\"type\":null}")]
    [InlineData("{\"type\":\"ChannelDestroyed\",\"cause\":\"sixteen\"}")]
    [InlineData("{\"type\":\"StasisStart\",\"args\":[\"a\",")]
    [InlineData("{\"type\":\"StasisStart\"} trailing")]
    public void Odd_frames_become_malformed_items_with_raw_text_and_reason(string frame)
    {
        var malformed = Assert.IsType<AriMalformedFrame>(AriEventParser.Parse(frame));

        Assert.Equal(frame, malformed.RawText);
        Assert.False(string.IsNullOrWhiteSpace(malformed.Error));
    }

    [Fact]
    public void Invalid_utf8_becomes_a_malformed_item()
    {
        byte[] frame = [.. "{\"type\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var malformed = Assert.IsType<AriMalformedFrame>(AriEventParser.Parse(frame));

        Assert.Contains("{\"type\":\"", malformed.RawText, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_text_survives_byte_parsing()
    {
        var json = AriSamples.StasisStart.Replace("\"Alice\"", "\"Dilnoza Xo'jayeva — кассир\"", StringComparison.Ordinal);

        var start = Assert.IsType<StasisStart>(AriEventParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("Dilnoza Xo'jayeva — кассир", start.Channel.Caller.Name);
        Assert.Equal(json, start.RawJson);
    }
}
