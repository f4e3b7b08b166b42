using CallCenter.Data;

namespace CallCenter.Persistence.Tests;

/// <summary>
/// How unanswered calls are classified per direction, from the event sequences Asterisk 22 produced for them through
/// the shipped dialplan (outbound-call / internal-call / inbound-route, then call-unanswered).
/// </summary>
public sealed class CallOutcomeTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    // The provider's answer: DIALSTATUS on the agent's channel, the trunk leg's cause, the agent's own cause from call-unanswered.
    [InlineData("BUSY", 17, "User busy", 17, CallStatus.Busy, 17)]
    [InlineData("CHANUNAVAIL", 1, "Unallocated (unassigned) number", 19, CallStatus.Failed, 1)]
    [InlineData("CONGESTION", 34, "Circuit/channel congestion", 34, CallStatus.Failed, 34)]
    [InlineData("NOANSWER", 19, "User alerting, no answer", 19, CallStatus.NoAnswer, 19)]
    // The agent hung up while the number rang.
    [InlineData("CANCEL", 16, "Normal Clearing", 127, CallStatus.NoAnswer, 16)]
    public void An_outbound_call_nobody_answered_takes_its_status_from_the_dial_status_and_its_cause_from_the_trunk_leg(
        string dialStatus, int trunkCause, string trunkCauseText, int agentCause, CallStatus expected, int expectedCause)
    {
        var script = new AriEventScript(Start);
        var agent = OutboundStart(script, "1001", "5550000");
        var trunk = script.NewChannel(CallFlows.Trunk, "1001", "s", agent, context: "from-internal");
        script.Created(trunk).Dial(agent, trunk, "").State(trunk, "Ringing").Wait(2);
        script.Dial(agent, trunk, dialStatus).Destroyed(trunk, trunkCause, trunkCauseText);
        script.Varset(agent, "DIALSTATUS", dialStatus).Dialplan(agent, "Goto", $"call-unanswered,{dialStatus},1");
        script.HangupRequest(agent, agentCause).Destroyed(agent, agentCause, "from the dialplan");

        var call = CallFolding.Fold(script.Entries, agent.LinkedId);

        Assert.Equal(CallDirection.Outbound, call.Direction);
        Assert.Equal(expected, call.Status);
        Assert.Equal(expectedCause, call.HangupCause);
        Assert.Equal("1001", call.AgentExtension);
    }

    [Fact]
    public void An_outbound_call_with_no_route_fails_even_though_no_trunk_leg_was_created()
    {
        // Dial() could not create the trunk channel at all (no contact, unknown endpoint): only DIALSTATUS says so,
        // and the dialplan's Hangup(19) alone would read as "no answer".
        var script = new AriEventScript(Start);
        var agent = OutboundStart(script, "1001", "5550000");
        script.Varset(agent, "DIALSTATUS", "CHANUNAVAIL").HangupRequest(agent, 19).Destroyed(agent, 19, "User alerting, no answer");

        var call = CallFolding.Fold(script.Entries, agent.LinkedId);

        Assert.Equal(CallStatus.Failed, call.Status);
        Assert.Equal(19, call.HangupCause);
        Assert.Equal(HangupSide.System, call.HangupBy);
    }

    [Theory]
    [InlineData("CHANUNAVAIL", CallStatus.Missed)]
    [InlineData("CONGESTION", CallStatus.Missed)]
    [InlineData("NOANSWER", CallStatus.Missed)]
    [InlineData("BUSY", CallStatus.Busy)]
    public void An_inbound_call_no_agent_could_take_is_missed_unless_they_were_busy(string agentDialStatus, CallStatus expected)
    {
        // The main line rang two agents whose phones could not take it; the caller heard 480 (Hangup(19)) or 486 (17).
        var script = new AriEventScript(Start);
        var caller = script.NewChannel(CallFlows.Trunk, "998901234000", "712000000");
        script.InboundStart(caller, "inbound-x");
        foreach (var endpoint in new[] { "PJSIP/1001", "PJSIP/1002" })
        {
            var agentLeg = script.NewChannel(endpoint, caller.CallerNumber, "s", caller, context: "from-internal");
            script.Created(agentLeg).Dial(caller, agentLeg, "").Dial(caller, agentLeg, agentDialStatus).Destroyed(agentLeg, 20, "Subscriber absent");
        }

        var cause = agentDialStatus == "BUSY" ? 17 : 19;
        script.Varset(caller, "DIALSTATUS", agentDialStatus).HangupRequest(caller, cause).Destroyed(caller, cause, "from the dialplan");

        var call = CallFolding.Fold(script.Entries, caller.LinkedId);

        Assert.Equal(CallDirection.Inbound, call.Direction);
        Assert.Equal(expected, call.Status);
        Assert.Equal(cause, call.HangupCause);
    }

    [Theory]
    [InlineData("NOANSWER", CallStatus.Missed)]
    [InlineData("CANCEL", CallStatus.Missed)]
    [InlineData("CHANUNAVAIL", CallStatus.Failed)]
    [InlineData("BUSY", CallStatus.Busy)]
    public void An_internal_call_nobody_answered_is_missed_and_one_to_an_unreachable_colleague_failed(string dialStatus, CallStatus expected)
    {
        var script = new AriEventScript(Start);
        var agent = script.NewChannel("PJSIP/1001", "1001", "1002", context: "from-internal");
        script.Created(agent).StasisStart(agent, "internal", "1001", "1002").StasisEnd(agent);
        script.Wait(3).Varset(agent, "DIALSTATUS", dialStatus).HangupRequest(agent, 16).Destroyed(agent, 16, "Normal Clearing");

        var call = CallFolding.Fold(script.Entries, agent.LinkedId);

        Assert.Equal(CallDirection.Internal, call.Direction);
        Assert.Equal(expected, call.Status);
    }

    private static ScriptChannel OutboundStart(AriEventScript script, string extension, string number)
    {
        var agent = script.NewChannel($"PJSIP/{extension}", extension, number, context: "from-internal");
        script.Created(agent).Varset(agent, "CALLCENTER_RECORDING", "outbound-x");
        script.StasisStart(agent, "outbound", extension, number).Wait(0.003).StasisEnd(agent);
        return agent;
    }
}
