using CallCenter.Persistence.Calls;
using CallCenter.Data;

namespace CallCenter.Persistence.Tests;

public sealed class CallStateMachineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Answered_call_goes_ringing_answered_completed_with_durations()
    {
        var script = new AriEventScript(Start);
        var (caller, _) = CallFlows.Answered(script, ringSeconds: 6, talkSeconds: 40);
        var seen = new List<CallStatus>();

        var call = CallFolding.Fold(script.Entries, caller.LinkedId, afterEach: c => seen.Add(c.Status));

        Assert.Equal([CallStatus.Ringing, CallStatus.Answered, CallStatus.Completed], seen.Distinct());
        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal(CallDirection.Inbound, call.Direction);
        Assert.Equal("998901234567", call.CallerNumber);
        Assert.Equal("712000000", call.DialedNumber);
        Assert.Equal("1002", call.AgentExtension);
        Assert.Equal(6.003, call.RingSeconds!.Value, 2);
        Assert.Equal(40, call.TalkSeconds!.Value, 2);
        Assert.Equal(46.003, call.DurationSeconds!.Value, 2);
        Assert.Equal(16, call.HangupCause);
        Assert.Equal(HangupSide.Caller, call.HangupBy);
        Assert.Equal($"inbound-{caller.Id.Replace('.', '-')}", call.RecordingName);
        Assert.Equal(2, call.Legs.Count);
        Assert.False(call.Reconciled);
    }

    [Fact]
    public void An_answered_call_ended_by_our_side_without_either_phone_hanging_up_is_ended_by_the_system()
    {
        var script = new AriEventScript(Start);
        var caller = script.NewChannel(CallFlows.Trunk, "998906666667", "712000000");
        script.InboundStart(caller, "inbound-s");
        var agent = script.NewChannel("PJSIP/1005", caller.CallerNumber, "s", caller, context: "from-internal");
        script.Created(agent).Dial(caller, agent, "").Wait(2).State(agent, "Up").Dial(caller, agent, "ANSWER").State(caller, "Up");
        // The API hangs up the caller through ARI; Asterisk then ends the agent's leg. No phone sent a BYE.
        script.Wait(30).SoftHangupRequest(caller).SoftHangupRequest(agent);
        script.Destroyed(caller, 16, "Normal Clearing").Destroyed(agent, 16, "Normal Clearing");

        var call = CallFolding.Fold(script.Entries, caller.LinkedId);

        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal(HangupSide.System, call.HangupBy);
    }

    [Fact]
    public void An_answered_call_controlled_through_the_API_counts_its_hold_and_transfer_from_the_marker_variables()
    {
        var script = new AriEventScript(Start);
        var (caller, agent) = CallFlows.AnsweredInApplicationBridge(script, "998906666668", "callcenter-1");
        // ARI's hold raises no ChannelHold: the API's CALLCENTER_HOLD variable stands in for it.
        script.Wait(10).Varset(caller, "CALLCENTER_HOLD", "1").Wait(5).Varset(caller, "CALLCENTER_HOLD", "0");
        // The API's transfer: the caller leaves the bridge for [callcenter-transfer], which marks it; the agent is hung up.
        script.Wait(3).LeftBridge(caller, "callcenter-1").StasisEnd(caller).Varset(caller, "CALLCENTER_TRANSFER", "2000");
        script.LeftBridge(agent, "callcenter-1").SoftHangupRequest(agent).Destroyed(agent, 16, "Normal Clearing");
        script.Wait(20).HangupRequest(caller, 16).Destroyed(caller, 16, "Normal Clearing");

        var call = CallFolding.Fold(script.Entries, caller.LinkedId);

        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal("712000000", call.DialedNumber);
        Assert.Equal(CallDirection.Inbound, call.Direction);
        Assert.Equal("1005", call.AgentExtension);
        Assert.Equal(1, call.HoldCount);
        Assert.Equal(5, call.HoldSeconds, 2);
        Assert.Equal(1, call.TransferCount);
        Assert.Equal(HangupSide.Caller, call.HangupBy);
    }

    [Fact]
    public void After_a_phone_transfer_the_transferers_own_hangup_does_not_make_it_the_side_that_hung_up()
    {
        var script = new AriEventScript(Start);
        var (caller, agent) = CallFlows.AnsweredInApplicationBridge(script, "998906666669", "callcenter-2");
        // The agent transfers the caller (SIP REFER) and hangs up its phone; the caller talks on, then hangs up.
        script.Wait(10).BlindTransfer(agent, caller, "2000", "callcenter-2").LeftBridge(agent, "callcenter-2");
        script.HangupRequest(agent, 16).Destroyed(agent, 16, "Normal Clearing");
        script.Wait(30).HangupRequest(caller, 16).Destroyed(caller, 16, "Normal Clearing");

        var call = CallFolding.Fold(script.Entries, caller.LinkedId);

        Assert.Equal(1, call.TransferCount);
        Assert.Equal(HangupSide.Caller, call.HangupBy);
    }

    [Fact]
    public void Caller_hanging_up_while_ringing_is_missed()
    {
        var script = new AriEventScript(Start);
        var caller = CallFlows.Missed(script, ringSeconds: 12);

        var call = CallFolding.Fold(script.Entries, caller.LinkedId);

        Assert.Equal(CallStatus.Missed, call.Status);
        Assert.Null(call.AnsweredAt);
        Assert.Null(call.AgentExtension);
        Assert.Equal(12.003, call.RingSeconds!.Value, 2);
        Assert.Equal(0, call.TalkSeconds);
        Assert.Equal(HangupSide.Caller, call.HangupBy);
    }

    [Fact]
    public void Cause_17_is_busy_and_cause_34_is_failed()
    {
        var script = new AriEventScript(Start);
        var busy = CallFlows.Busy(script);
        var failed = CallFlows.Failed(script);

        var busyCall = CallFolding.Fold(script.Entries, busy.LinkedId);
        var failedCall = CallFolding.Fold(script.Entries, failed.LinkedId);

        Assert.Equal(CallStatus.Busy, busyCall.Status);
        Assert.Equal(17, busyCall.HangupCause);
        Assert.Equal("2003", busyCall.DialedNumber);
        Assert.Equal(CallStatus.Failed, failedCall.Status);
        Assert.Equal(34, failedCall.HangupCause);
        Assert.Equal(HangupSide.System, failedCall.HangupBy);
    }

    [Fact]
    public void Dial_status_busy_of_the_agent_makes_the_call_busy()
    {
        var script = new AriEventScript(Start);
        var caller = script.NewChannel(CallFlows.Trunk, "998905555555", "1002");
        script.InboundStart(caller, "inbound-x");
        var agent = script.NewChannel("PJSIP/1002", caller.CallerNumber, "s", caller, context: "from-internal");
        script.Created(agent).Dial(caller, agent, "").Dial(caller, agent, "BUSY").Destroyed(agent, 17, "User busy");
        script.Wait(5).HangupRequest(caller, 17).Destroyed(caller, 17, "User busy");

        var call = CallFolding.Fold(script.Entries, caller.LinkedId);

        Assert.Equal(CallStatus.Busy, call.Status);
    }

    [Fact]
    public void Blind_transfer_stays_one_call_and_counts_the_transfer()
    {
        var script = new AriEventScript(Start);
        var caller = CallFlows.BlindTransfer(script);

        var call = CallFolding.Fold(script.Entries, caller.LinkedId);

        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal(1, call.TransferCount);
        Assert.Equal(3, call.Legs.Count);
        Assert.Equal("1002", call.AgentExtension);
        Assert.Equal(57.003, call.DurationSeconds!.Value, 2);
    }

    [Fact]
    public void Attended_transfer_keeps_the_customer_call_whole_and_counts_hold()
    {
        var script = new AriEventScript(Start);
        var (caller, consultation) = CallFlows.AttendedTransfer(script);

        var call = CallFolding.Fold(script.Entries, caller.LinkedId);
        var consultCall = CallFolding.Fold(script.Entries, consultation.LinkedId);

        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal(1, call.TransferCount);
        Assert.Contains(call.Legs, l => l.Endpoint == "PJSIP/1003");
        Assert.Equal(1, call.HoldCount);
        Assert.Equal(14, call.HoldSeconds, 1);
        Assert.Equal(CallDirection.Inbound, call.Direction);
        // The agents' consultation is its own internal call.
        Assert.Equal(CallDirection.Internal, consultCall.Direction);
        Assert.Equal(CallStatus.Completed, consultCall.Status);
    }

    [Fact]
    public void Hold_and_unhold_are_counted_and_summed_and_an_open_hold_closes_at_hangup()
    {
        var script = new AriEventScript(Start);
        var caller = script.NewChannel(CallFlows.Trunk, "998906666666", "712000000");
        script.InboundStart(caller, "inbound-h");
        var agent = script.NewChannel("PJSIP/1004", caller.CallerNumber, "s", caller, context: "from-internal");
        script.Created(agent).Dial(caller, agent, "").Wait(2).State(agent, "Up").Dial(caller, agent, "ANSWER").State(caller, "Up");
        script.Wait(10).Hold(caller).Wait(20).Unhold(caller).Wait(5).Hold(caller).Wait(7);
        script.HangupRequest(agent, 16).Destroyed(agent, 16, "Normal Clearing").Destroyed(caller, 16, "Normal Clearing");

        var call = CallFolding.Fold(script.Entries, caller.LinkedId);

        Assert.Equal(2, call.HoldCount);
        Assert.Equal(27, call.HoldSeconds, 2);
        Assert.Equal(HangupSide.Callee, call.HangupBy);
        Assert.Equal("1004", call.AgentExtension);
    }

    [Fact]
    public void Late_and_reordered_events_never_move_a_completed_call_back()
    {
        var script = new AriEventScript(Start);
        var (caller, agent) = CallFlows.Answered(script, ringSeconds: 5, talkSeconds: 30);
        var entries = script.Entries.ToList();
        // The agent's "Up" arrives last, after both channels were destroyed, and a stale "Ringing" after that.
        var up = entries.First(e => e.Type == "ChannelStateChange" && e.ChannelId == agent.Id && e.Data.Contains("\"state\":\"Up\"", StringComparison.Ordinal));
        entries.Remove(up);
        entries.Add(up);
        var ringing = entries.First(e => e.Type == "ChannelStateChange" && e.ChannelId == agent.Id && e.Data.Contains("\"state\":\"Ringing\"", StringComparison.Ordinal));
        entries.Add(ringing with { EventId = ringing.EventId + "-late" });

        var call = CallFolding.Fold(entries, caller.LinkedId);

        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.Equal(Start.AddSeconds(5.003), call.AnsweredAt!.Value, TimeSpan.FromMilliseconds(5));
        Assert.Equal(30, call.TalkSeconds!.Value, 2);
        Assert.Equal(Start.AddSeconds(5.003), call.Legs.Single(l => l.ChannelId == agent.Id).AnsweredAt!.Value, TimeSpan.FromMilliseconds(5));
    }

    [Fact]
    public void A_finished_call_is_not_reopened_by_a_leg_seen_only_afterwards()
    {
        var script = new AriEventScript(Start);
        var caller = CallFlows.Missed(script);
        var stray = script.NewChannel("PJSIP/1009", caller.CallerNumber, "s", caller, context: "from-internal");
        script.Created(stray).State(stray, "Ringing");

        var call = CallFolding.Fold(script.Entries, caller.LinkedId);

        Assert.Equal(CallStatus.Missed, call.Status);
        Assert.NotNull(call.EndedAt);
    }

    [Fact]
    public void Reconcile_closes_a_vanished_call_at_its_last_known_moment()
    {
        var script = new AriEventScript(Start);
        var caller = script.NewChannel(CallFlows.Trunk, "998907777777", "712000000");
        script.InboundStart(caller, "inbound-r");
        var agent = script.NewChannel("PJSIP/1002", caller.CallerNumber, "s", caller, context: "from-internal");
        script.Created(agent).Dial(caller, agent, "").Wait(4).State(agent, "Up").Dial(caller, agent, "ANSWER").State(caller, "Up").Wait(3);
        script.EnteredBridge(caller, "b");
        var lastSeen = script.Now;
        var call = CallFolding.Fold(script.Entries, caller.LinkedId);
        Assert.Equal(CallStatus.Answered, call.Status);

        CallStateMachine.Reconcile(call, lastSeen.AddMinutes(5));
        new CallStateMachine(CallFolding.Rules()).Summarize(call);

        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.True(call.Reconciled);
        Assert.Equal(lastSeen, call.EndedAt);
    }

    [Fact]
    public void Outbound_and_internal_calls_from_agents_are_told_apart()
    {
        var script = new AriEventScript(Start);
        var outbound = script.NewChannel("PJSIP/1005", "1005", "998909999999", context: "from-internal");
        script.Created(outbound);
        var trunkLeg = script.NewChannel(CallFlows.Trunk, "1005", "s", outbound, context: "from-internal");
        script.Created(trunkLeg).Dial(outbound, trunkLeg, "").Wait(8).State(trunkLeg, "Up").Dial(outbound, trunkLeg, "ANSWER").State(outbound, "Up").Wait(60);
        script.HangupRequest(trunkLeg, 16).Destroyed(trunkLeg, 16, "Normal Clearing").Destroyed(outbound, 16, "Normal Clearing");
        var internalCall = script.NewChannel("PJSIP/1006", "1006", "1007", context: "from-internal");
        script.Created(internalCall).Destroyed(internalCall, 16, "Normal Clearing");

        var outboundCall = CallFolding.Fold(script.Entries, outbound.LinkedId);
        var agentCall = CallFolding.Fold(script.Entries, internalCall.LinkedId);

        Assert.Equal(CallDirection.Outbound, outboundCall.Direction);
        Assert.Equal("1005", outboundCall.AgentExtension);
        Assert.Equal("998909999999", outboundCall.DialedNumber);
        Assert.Equal(CallStatus.Completed, outboundCall.Status);
        Assert.Equal(60, outboundCall.TalkSeconds!.Value, 2);
        Assert.Equal(CallDirection.Internal, agentCall.Direction);
    }

    [Theory]
    [InlineData(16, CallStatus.Missed)]
    [InlineData(19, CallStatus.Missed)]
    [InlineData(127, CallStatus.Missed)] // chan_pjsip's cause when the caller CANCELs while ringing (seen on Asterisk 22).
    [InlineData(17, CallStatus.Busy)]
    [InlineData(21, CallStatus.Failed)]
    [InlineData(34, CallStatus.Failed)]
    [InlineData(1, CallStatus.Failed)]
    public void An_unanswered_call_is_classified_by_the_callers_hangup_cause(int cause, CallStatus expected)
    {
        var script = new AriEventScript(Start);
        var caller = script.NewChannel(CallFlows.Trunk, "998908888888", "2002");
        script.InboundStart(caller, "inbound-c").Wait(3).Destroyed(caller, cause, "whatever");

        Assert.Equal(expected, CallFolding.Fold(script.Entries, caller.LinkedId).Status);
    }

    [Theory]
    [InlineData("/var/spool/asterisk/recording/inbound-1700000000-1.wav", "inbound-1700000000-1")]
    [InlineData("inbound-1700000000-1", "inbound-1700000000-1")]
    [InlineData("/var/spool/asterisk/recording/sub/dir/x.wav", "sub/dir/x")]
    [InlineData("/tmp/elsewhere.wav", null)]
    public void Recording_variables_map_to_ARI_stored_names(string value, string? expected) =>
        Assert.Equal(expected, CallFolding.Rules().StoredRecordingName(value));
}
