using CallCenter.Ari.Events;
using CallCenter.Contracts;
using CallCenter.Persistence.Calls;
using CallCenter.Data;

namespace CallCenter.Persistence.Tests;

/// <summary>Runs stream entries through the state machine without a database (what the batch writer does per call).</summary>
internal static class CallFolding
{
    public static CallRules Rules(params string[] agents) => new()
    {
        MaxExtensionLength = 5,
        RecordingVariables = new HashSet<string>(["MIXMONITOR_FILENAME", "CALLCENTER_RECORDING"]),
        SpoolDirectory = "/var/spool/asterisk/recording/",
        AgentExtensions = new HashSet<string>(agents),
    };

    /// <summary>Folds every entry of <paramref name="callKey"/> in the given order; summarizes after each, as batches of one would.</summary>
    public static Call Fold(IEnumerable<AriStreamEntry> entries, string callKey, CallRules? rules = null, Action<Call>? afterEach = null)
    {
        var machine = new CallStateMachine(rules ?? Rules());
        var call = new Call { Id = Guid.CreateVersion7(), CallKey = callKey, AsteriskId = "52:54:00:aa:bb:cc" };
        foreach (var entry in entries)
        {
            var ariEvent = (AriEvent)AriEventParser.Parse(entry.Data);
            if (entry.CallKey == callKey)
            {
                machine.Apply(call, ariEvent, ariEvent.Timestamp ?? entry.ReceivedAt);
            }
            else if (entry.CallKey is not null && CallStateMachine.ConsultationCallKey(ariEvent, entry.CallKey) == callKey)
            {
                CallStateMachine.ApplyAsConsultation(call, (BridgeAttendedTransfer)ariEvent, ariEvent.Timestamp ?? entry.ReceivedAt);
            }
            else
            {
                continue;
            }

            machine.Summarize(call);
            afterEach?.Invoke(call);
        }

        return call;
    }
}
