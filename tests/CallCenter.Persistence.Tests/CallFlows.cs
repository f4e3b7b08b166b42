namespace CallCenter.Persistence.Tests;

/// <summary>Event sequences of whole calls as Asterisk reports them for the shipped dialplan.</summary>
public static class CallFlows
{
    public const string Trunk = "PJSIP/trunk";

    /// <summary>Inbound call to the main number, answered by agent 1002 after <paramref name="ringSeconds"/>, talk <paramref name="talkSeconds"/>, caller hangs up.</summary>
    public static (ScriptChannel Caller, ScriptChannel Agent) Answered(AriEventScript s, string callerNumber = "998901234567", double ringSeconds = 6, double talkSeconds = 40, string agent = "1002")
    {
        var caller = s.NewChannel(Trunk, callerNumber, "712000000");
        s.InboundStart(caller, $"inbound-{caller.Id.Replace('.', '-')}");
        var agentLeg = s.NewChannel($"PJSIP/{agent}", callerNumber, "s", caller, context: "from-internal");
        s.Dialplan(caller, "Dial", $"PJSIP/{agent},30");
        s.Created(agentLeg).Dial(caller, agentLeg, "");
        s.State(agentLeg, "Ringing");
        s.Wait(ringSeconds);
        s.State(agentLeg, "Up").Dial(caller, agentLeg, "ANSWER");
        s.State(caller, "Up");
        s.EnteredBridge(caller, "bridge-1").EnteredBridge(agentLeg, "bridge-1");
        s.Wait(talkSeconds);
        s.HangupRequest(caller, 16);
        s.LeftBridge(caller, "bridge-1").LeftBridge(agentLeg, "bridge-1");
        s.HangupRequest(agentLeg, 16);
        s.Destroyed(agentLeg, 16, "Normal Clearing");
        s.Destroyed(caller, 16, "Normal Clearing");
        return (caller, agentLeg);
    }

    /// <summary>
    /// Inbound call to the main number, answered by agent 1005 after 2 s, the two parties bridged by the application in
    /// <paramref name="bridgeId"/> as [callcenter-answered] does; the rest of the call is up to the test.
    /// </summary>
    public static (ScriptChannel Caller, ScriptChannel Agent) AnsweredInApplicationBridge(AriEventScript s, string callerNumber, string bridgeId)
    {
        var caller = s.NewChannel(Trunk, callerNumber, "712000000");
        s.InboundStart(caller, $"inbound-{caller.Id.Replace('.', '-')}");
        var agent = s.NewChannel("PJSIP/1005", callerNumber, "s", caller, context: "from-internal");
        s.Created(agent).Dial(caller, agent, "").Wait(2).State(agent, "Up").Dial(caller, agent, "ANSWER").State(caller, "Up");
        // Both enter the application again; those arguments name neither direction nor number.
        s.StasisStart(agent, "bridge", "answerer", agent.Name).StasisStart(caller, "bridge", "caller", agent.Name);
        s.EnteredBridge(agent, bridgeId).EnteredBridge(caller, bridgeId);
        return (caller, agent);
    }

    /// <summary>Inbound call ringing agent 1002 until the caller gives up.</summary>
    public static ScriptChannel Missed(AriEventScript s, double ringSeconds = 12)
    {
        var caller = s.NewChannel(Trunk, "998907654321", "712000000");
        s.InboundStart(caller, $"inbound-{caller.Id.Replace('.', '-')}");
        var agentLeg = s.NewChannel("PJSIP/1002", "998907654321", "s", caller, context: "from-internal");
        s.Created(agentLeg).Dial(caller, agentLeg, "");
        s.State(agentLeg, "Ringing");
        s.Wait(ringSeconds);
        s.HangupRequest(caller, 16);
        s.Dial(caller, agentLeg, "CANCEL");
        s.Destroyed(agentLeg, 16, "Normal Clearing");
        s.Destroyed(caller, 16, "Normal Clearing");
        return caller;
    }

    /// <summary>Number 2003: Busy() then Hangup(17), nobody rung.</summary>
    public static ScriptChannel Busy(AriEventScript s)
    {
        var caller = s.NewChannel(Trunk, "998901111111", "2003");
        s.InboundStart(caller, $"inbound-{caller.Id.Replace('.', '-')}");
        s.Dialplan(caller, "Busy", "5");
        s.State(caller, "Busy");
        s.Wait(2);
        s.HangupRequest(caller, 17);
        s.Destroyed(caller, 17, "User busy");
        return caller;
    }

    /// <summary>Number 2004: Congestion() then Hangup(34).</summary>
    public static ScriptChannel Failed(AriEventScript s)
    {
        var caller = s.NewChannel(Trunk, "998902222222", "2004");
        s.InboundStart(caller, $"inbound-{caller.Id.Replace('.', '-')}");
        s.Dialplan(caller, "Congestion", "5");
        s.Wait(1);
        s.HangupRequest(caller, 34);
        s.Destroyed(caller, 34, "Circuit/channel congestion");
        return caller;
    }

    /// <summary>Agent 1002 answers, then blind-transfers the caller to 1003, who talks until the caller hangs up.</summary>
    public static ScriptChannel BlindTransfer(AriEventScript s)
    {
        var caller = s.NewChannel(Trunk, "998903333333", "712000000");
        s.InboundStart(caller, $"inbound-{caller.Id.Replace('.', '-')}");
        var first = s.NewChannel("PJSIP/1002", caller.CallerNumber, "s", caller, context: "from-internal");
        s.Created(first).Dial(caller, first, "").State(first, "Ringing").Wait(3);
        s.State(first, "Up").Dial(caller, first, "ANSWER").State(caller, "Up");
        s.EnteredBridge(caller, "bridge-t").EnteredBridge(first, "bridge-t").Wait(20);
        s.BlindTransfer(first, caller, "1003", "bridge-t");
        s.LeftBridge(first, "bridge-t").HangupRequest(first, 16).Destroyed(first, 16, "Normal Clearing");
        var second = s.NewChannel("PJSIP/1003", caller.CallerNumber, "s", caller, context: "from-internal");
        s.Created(second).Dial(caller, second, "").State(second, "Ringing").Wait(4);
        s.State(second, "Up").Dial(caller, second, "ANSWER").EnteredBridge(second, "bridge-t").Wait(30);
        s.HangupRequest(caller, 16).LeftBridge(caller, "bridge-t").LeftBridge(second, "bridge-t");
        s.HangupRequest(second, 16).Destroyed(second, 16, "Normal Clearing").Destroyed(caller, 16, "Normal Clearing");
        return caller;
    }

    /// <summary>
    /// Agent 1002 answers, puts the caller on hold, consults 1003 on a second call, and completes an
    /// attended transfer. 1003's channel then carries the caller's linkedid (Asterisk moves it to the oldest).
    /// </summary>
    public static (ScriptChannel Caller, ScriptChannel Consultation) AttendedTransfer(AriEventScript s)
    {
        var caller = s.NewChannel(Trunk, "998904444444", "712000000");
        s.InboundStart(caller, $"inbound-{caller.Id.Replace('.', '-')}");
        var first = s.NewChannel("PJSIP/1002", caller.CallerNumber, "s", caller, context: "from-internal");
        s.Created(first).Dial(caller, first, "").State(first, "Ringing").Wait(2);
        s.State(first, "Up").Dial(caller, first, "ANSWER").State(caller, "Up");
        s.EnteredBridge(caller, "bridge-a").EnteredBridge(first, "bridge-a").Wait(15);
        s.Hold(caller).Wait(1);

        var consult = s.NewChannel("PJSIP/1002", "1002", "1003", context: "from-internal");
        s.Created(consult).State(consult, "Up");
        var target = s.NewChannel("PJSIP/1003", "1002", "s", consult, context: "from-internal");
        s.Created(target).Dial(consult, target, "").State(target, "Ringing").Wait(3);
        s.State(target, "Up").Dial(consult, target, "ANSWER").Wait(10);

        s.AttendedTransfer(first, consult, caller, target);
        s.Unhold(caller);
        s.HangupRequest(first, 16).Destroyed(first, 16, "Normal Clearing");
        s.HangupRequest(consult, 16).Destroyed(consult, 16, "Normal Clearing");
        target.LinkedId = caller.LinkedId;
        s.EnteredBridge(target, "bridge-a").Wait(25);
        s.HangupRequest(target, 16).Destroyed(target, 16, "Normal Clearing").Destroyed(caller, 16, "Normal Clearing");
        return (caller, consult);
    }
}
