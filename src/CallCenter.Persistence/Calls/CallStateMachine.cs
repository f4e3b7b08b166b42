using CallCenter.Ari.Events;
using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>
/// Folds ARI events into a call and its legs. Each event family has its handler (the <c>…Events</c> classes), what any
/// event says about a channel is kept by <see cref="CallLegs"/>, and <see cref="CallSummary"/> recomputes the call.
/// Order-tolerant by construction: per-leg facts keep the earliest (answered, hangup requested) or the
/// latest-by-event-time (state) value, and the call's summary is recomputed from its legs, so a late or duplicated
/// event refines a call but never moves a finished call back to ringing or answered.
/// </summary>
internal sealed class CallStateMachine(CallRules rules)
{
    /// <summary>Applies one event; returns the compact JSON details for the call's timeline.</summary>
    public string Apply(Call call, AriEvent ariEvent, DateTimeOffset at)
    {
        var details = new EventDetails();
        switch (ariEvent)
        {
            case ChannelDestroyed e:
                HangupEvents.Apply(call, e, at, details);
                break;
            case ChannelHangupRequest e:
                HangupEvents.Apply(call, e, at, details);
                break;
            case Dial e:
                RoutingEvents.Apply(call, e, at, details);
                break;
            case StasisStart e:
                RoutingEvents.Apply(call, e, at, details);
                break;
            case ChannelCallerId e:
                RoutingEvents.Apply(call, e, at, details);
                break;
            case ChannelVarset e:
                ChannelVariableEvents.Apply(call, e, at, details, rules);
                break;
            case ChannelHold e:
                HoldEvents.Apply(call, e, at, details);
                break;
            case ChannelUnhold e:
                HoldEvents.Apply(call, e, at, details);
                break;
            case ChannelEnteredBridge e:
                BridgeEvents.Apply(call, e, at, details);
                break;
            case ChannelLeftBridge e:
                BridgeEvents.Apply(call, e, at, details);
                break;
            case BridgeBlindTransfer e:
                TransferEvents.Apply(call, e, at, details);
                break;
            case BridgeAttendedTransfer e:
                TransferEvents.Apply(call, e, at, details);
                break;
            case RecordingStarted e:
                RecordingEvents.Apply(e, details);
                break;
            case RecordingFinished e:
                RecordingEvents.Apply(call, e, details);
                break;
            case RecordingFailed e:
                RecordingEvents.Apply(e, details);
                break;
            default:
                CallLegs.ObserveAny(call, ariEvent, at, details);
                break;
        }

        if (call.LastEventAt is null || at > call.LastEventAt)
        {
            call.LastEventAt = at;
        }

        return details.ToJson();
    }

    /// <inheritdoc cref="TransferEvents.ApplyAsConsultation"/>
    public static void ApplyAsConsultation(Call consultation, BridgeAttendedTransfer transfer, DateTimeOffset at) =>
        TransferEvents.ApplyAsConsultation(consultation, transfer, at);

    /// <inheritdoc cref="TransferEvents.ConsultationCallKey"/>
    public static string? ConsultationCallKey(AriEvent ariEvent, string callKey) => TransferEvents.ConsultationCallKey(ariEvent, callKey);

    /// <inheritdoc cref="SnapshotReconciliation.Reconcile"/>
    public static void Reconcile(Call call, DateTimeOffset takenAt) => SnapshotReconciliation.Reconcile(call, takenAt);

    /// <inheritdoc cref="CallSummary.Summarize"/>
    public void Summarize(Call call) => CallSummary.Summarize(call, rules);
}
