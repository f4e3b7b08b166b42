using System.Text.Json;
using CallCenter.Ari.Events;
using CallCenter.Ari.Models;
using CallCenter.Contracts;
using CallCenter.Data;

namespace CallCenter.Persistence.Calls;

/// <summary>
/// Folds ARI events into a call and its legs. Order-tolerant by construction: per-leg facts keep the
/// earliest (answered, hangup requested) or the latest-by-event-time (state) value, and the call's
/// summary is recomputed from its legs, so a late or duplicated event refines a call but never moves
/// a finished call back to ringing or answered.
/// </summary>
internal sealed class CallStateMachine(CallRules rules)
{
    private const string UpState = "Up";
    private const string TransferSucceeded = "Success";

    /// <summary>Applies one event; returns the compact JSON details for the call's timeline.</summary>
    public string Apply(Call call, AriEvent ariEvent, DateTimeOffset at)
    {
        var details = new EventDetails();
        switch (ariEvent)
        {
            case ChannelDestroyed e:
                if (Observe(call, e.Channel, at, details) is { } destroyed)
                {
                    if (destroyed.EndedAt is null || destroyed.EndReconciled)
                    {
                        destroyed.EndedAt = at;
                        destroyed.EndReconciled = false;
                    }

                    destroyed.HangupCause = e.Cause;
                    destroyed.HangupCauseText = Truncate(e.CauseText, 128);
                    CloseHold(destroyed, at);
                }

                details.Add("cause", e.Cause);
                details.Add("causeText", e.CauseText);
                break;

            case ChannelHangupRequest e:
                if (Observe(call, e.Channel, at, details) is { } hungUp && e.Soft != true)
                {
                    hungUp.HangupRequestedAt = Earliest(hungUp.HangupRequestedAt, at);
                    hungUp.HangupCause ??= e.Cause;
                }

                details.Add("cause", e.Cause);
                details.Add("soft", e.Soft);
                break;

            case Dial e:
                if (e.Caller is not null)
                {
                    Observe(call, e.Caller, at, details: null);
                }

                if (Observe(call, e.Peer, at, details) is { } peer && e.DialStatus.Length > 0)
                {
                    peer.DialStatus = Truncate(e.DialStatus, 32);
                }

                details.Add("caller", e.Caller?.Name);
                details.Add("dialString", e.DialString);
                details.Add("dialStatus", e.DialStatus);
                break;

            case StasisStart e:
                if (Observe(call, e.Channel, at, details) is { } started && e.Args.Count > 0)
                {
                    // Stasis(call-center,<direction>,<caller>,<dialed>) from the dialplan; answered calls enter again
                    // with "bridge,<role>,<answering channel>", which says nothing about direction or number.
                    if (e.Args[0] is "inbound" or "outbound" or "internal")
                    {
                        started.StasisDirection = e.Args[0];
                        if (e.Args.Count > 2 && e.Args[2] is { Length: > 0 } dialed && dialed != "s")
                        {
                            started.DialedExtension = Truncate(dialed, 64);
                        }
                    }
                }

                details.Add("args", string.Join(',', e.Args));
                break;

            case ChannelVarset e:
                var varLeg = Observe(call, e.Channel, at, details);
                if (rules.RecordingVariables.Contains(e.Variable) && rules.StoredRecordingName(e.Value) is { } recording)
                {
                    call.RecordingName ??= Truncate(recording, 512);
                }

                if (e.Variable == CallCenterChannelVariables.Hold && varLeg is not null)
                {
                    // The API held or resumed the channel (ARI's hold raises no ChannelHold event).
                    if (e.Value == "1")
                    {
                        StartHold(varLeg, at);
                    }
                    else
                    {
                        CloseHold(varLeg, at);
                    }
                }

                if (e.Variable == CallCenterChannelVariables.Transfer && e.Value.Length > 0)
                {
                    // The API moved the customer to a new destination (a blind transfer through ARI).
                    call.TransferCount++;
                    details.Add("transfer", "api");
                }

                details.Add("variable", e.Variable);
                details.Add("value", e.Value);
                break;

            case ChannelHold e:
                if (Observe(call, e.Channel, at, details) is { } held)
                {
                    StartHold(held, at);
                }

                break;

            case ChannelUnhold e:
                if (Observe(call, e.Channel, at, details) is { } resumed)
                {
                    CloseHold(resumed, at);
                }

                break;

            case ChannelEnteredBridge e:
                if (Observe(call, e.Channel, at, details) is { } bridged)
                {
                    bridged.FirstBridgedAt = Earliest(bridged.FirstBridgedAt, at);
                }

                details.Add("bridge", e.Bridge.Id);
                break;

            case ChannelLeftBridge e:
                Observe(call, e.Channel, at, details);
                details.Add("bridge", e.Bridge.Id);
                break;

            case ChannelCallerId e:
                if (Observe(call, e.Channel, at, details) is { } renamed)
                {
                    renamed.CallerNumber = NullIfEmpty(Truncate(e.Channel.Caller.Number, 64)) ?? renamed.CallerNumber;
                    renamed.CallerName = NullIfEmpty(Truncate(e.Channel.Caller.Name, 256)) ?? renamed.CallerName;
                }

                break;

            case BridgeBlindTransfer e:
                Observe(call, e.Channel, at, details);
                if (e.Result == TransferSucceeded)
                {
                    call.TransferCount++;
                }

                details.Add("transfer", "blind");
                details.Add("result", e.Result);
                details.Add("exten", e.Extension);
                break;

            case BridgeAttendedTransfer e:
                Observe(call, e.TransfererFirstLeg, at, details);
                if (e.Result == TransferSucceeded)
                {
                    call.TransferCount++;
                }

                details.Add("transfer", "attended");
                details.Add("result", e.Result);
                details.Add("target", e.TransferTarget?.Name);
                details.Add("destinationType", e.DestinationType);
                break;

            case RecordingStarted e:
                details.Add("recording", e.Recording.Name);
                break;

            case RecordingFinished e:
                if (e.Recording.Name.Length > 0)
                {
                    call.RecordingName ??= Truncate(e.Recording.Name, 512);
                }

                details.Add("recording", e.Recording.Name);
                details.Add("duration", e.Recording.DurationSeconds);
                break;

            case RecordingFailed e:
                details.Add("recording", e.Recording.Name);
                details.Add("cause", e.Recording.Cause);
                break;

            default:
                if (ChannelOf(ariEvent) is { } channel)
                {
                    Observe(call, channel, at, details);
                }

                break;
        }

        if (call.LastEventAt is null || at > call.LastEventAt)
        {
            call.LastEventAt = at;
        }

        return details.ToJson();
    }

    /// <summary>
    /// An attended transfer hands the consultation call's target to the customer's call (Asterisk
    /// moves the channel to the older linkedid), so in the consultation call that leg ends here.
    /// </summary>
    public static void ApplyAsConsultation(Call consultation, BridgeAttendedTransfer transfer, DateTimeOffset at)
    {
        if (transfer.Result != TransferSucceeded || transfer.TransferTarget is not { } target)
        {
            return;
        }

        var leg = consultation.Legs.FirstOrDefault(l => l.ChannelId == target.Id);
        if (leg is { EndedAt: null })
        {
            leg.EndedAt = at;
            leg.HangupCauseText ??= "transferred";
            CloseHold(leg, at);
        }

        if (consultation.LastEventAt is null || at > consultation.LastEventAt)
        {
            consultation.LastEventAt = at;
        }
    }

    /// <summary>The other call an event touches: an attended transfer's consultation call.</summary>
    public static string? ConsultationCallKey(AriEvent ariEvent, string callKey) =>
        ariEvent is BridgeAttendedTransfer { Result: TransferSucceeded } transfer
        && transfer.TransfererSecondLeg.LinkedIdOrChannelVar is { } other
        && other != callKey
            ? other
            : null;

    /// <summary>
    /// A snapshot showed none of this call's channels: it ended while events were not received. Each
    /// open leg ends at the last moment it was seen; the call is marked reconciled.
    /// </summary>
    public static void Reconcile(Call call, DateTimeOffset takenAt)
    {
        foreach (var leg in call.Legs.Where(l => l.EndedAt is null))
        {
            leg.EndedAt = leg.LastEventAt ?? call.LastEventAt ?? takenAt;
            leg.EndReconciled = true;
            CloseHold(leg, leg.EndedAt.Value);
        }

        if (call.Legs.Count == 0)
        {
            call.EndedAt ??= call.LastEventAt ?? takenAt;
        }

        call.Reconciled = true;
    }

    /// <summary>Recomputes the call's summary (status, parties, times) from its legs.</summary>
    public void Summarize(Call call)
    {
        if (call.Legs.Count == 0)
        {
            return;
        }

        var origin = call.Legs.FirstOrDefault(l => l.ChannelId == call.CallKey)
            ?? call.Legs.OrderBy(l => l.CreatedAt).ThenBy(l => l.ChannelId, StringComparer.Ordinal).First();
        var peers = call.Legs.Where(l => l != origin && !ChannelNames.IsAuxiliary(l.ChannelName)).ToList();
        var answeringLeg = peers.Where(l => l.AnsweredAt is not null).MinBy(l => l.AnsweredAt);

        call.StartedAt = call.Legs.Min(l => l.CreatedAt);
        call.CallerNumber = origin.CallerNumber;
        call.CallerName = origin.CallerName;
        call.DialedNumber = origin.DialedExtension ?? call.DialedNumber;
        call.Direction = DirectionOf(origin, call.DialedNumber);
        call.AgentExtension = call.Direction == CallDirection.Inbound
            ? ChannelNames.Resource(answeringLeg?.Endpoint)
            : origin.CallerNumber is { } number && rules.IsInternalNumber(number) ? number : ChannelNames.Resource(origin.Endpoint);

        var answeredAt = answeringLeg?.AnsweredAt ?? (peers.Count == 0 ? origin.AnsweredAt : null);
        var counted = peers.Append(origin).ToList();
        var ended = counted.All(l => l.EndedAt is not null);

        call.HoldCount = call.Legs.Sum(l => l.HoldCount);
        call.HoldSeconds = Math.Round(call.Legs.Sum(l => l.HoldSeconds), 3);
        call.Reconciled = call.Legs.Any(l => l.EndReconciled);
        call.HangupCause = origin.HangupCause ?? answeringLeg?.HangupCause;
        call.HangupCauseText = origin.HangupCauseText ?? answeringLeg?.HangupCauseText;

        if (!ended)
        {
            if (call.Status.IsFinal())
            {
                // A late event (or a leg seen only now) never reopens a finished call.
                return;
            }

            call.AnsweredAt = answeredAt;
            call.Status = answeredAt is null ? CallStatus.Ringing : CallStatus.Answered;
            call.EndedAt = null;
            call.RingSeconds = call.TalkSeconds = call.DurationSeconds = null;
            return;
        }

        var endedAt = counted.Max(l => l.EndedAt!.Value);
        call.EndedAt = endedAt;
        call.AnsweredAt = answeredAt;
        call.Status = answeredAt is not null ? CallStatus.Completed : UnansweredStatus(origin, peers);
        call.DurationSeconds = Seconds(call.StartedAt, endedAt);
        call.RingSeconds = Seconds(call.StartedAt, answeredAt ?? endedAt);
        call.TalkSeconds = answeredAt is { } answered ? Seconds(answered, endedAt) : 0;
        call.HangupBy = call.Status is CallStatus.Busy or CallStatus.Failed
            ? HangupSide.System
            : WhoHungUp(origin, call.TransferCount > 0 ? LastPartyAfterTransfer(peers, answeringLeg) : answeringLeg, answeringLeg);
    }

    private static CallStatus UnansweredStatus(CallLeg origin, List<CallLeg> peers)
    {
        if (HangupCauses.IsBusy(origin.HangupCause) || peers.Any(p => p.DialStatus == "BUSY"))
        {
            return CallStatus.Busy;
        }

        if (HangupCauses.IsFailure(origin.HangupCause)
            || (peers.Count > 0 && peers.All(p => p.DialStatus is "CHANUNAVAIL" or "CONGESTION" or "INVALIDARGS")))
        {
            return CallStatus.Failed;
        }

        return CallStatus.Missed;
    }

    /// <summary>
    /// After a transfer the party who first answered handed the caller on and hung up while the call went on, so its
    /// hangup did not end the call; the last party who answered after it (if any, e.g. a second agent) is the callee.
    /// </summary>
    private static CallLeg? LastPartyAfterTransfer(List<CallLeg> peers, CallLeg? answeringLeg) =>
        peers.Where(l => l != answeringLeg && l.AnsweredAt is not null).MaxBy(l => l.AnsweredAt);

    private static HangupSide WhoHungUp(CallLeg origin, CallLeg? calleeLeg, CallLeg? answeringLeg)
    {
        if (answeringLeg is null)
        {
            return HangupSide.Caller;
        }

        // An explicit hangup request says who hung up; the other side is hung up by Asterisk right after.
        var callerRequest = origin.HangupRequestedAt;
        var calleeRequest = calleeLeg?.HangupRequestedAt;
        if (callerRequest is not null || calleeRequest is not null)
        {
            return calleeRequest is not null && (callerRequest is null || calleeRequest < callerRequest) ? HangupSide.Callee : HangupSide.Caller;
        }

        // Neither phone asked to hang up (no hard request): Asterisk, the dialplan or our own ARI hangup ended it.
        return HangupSide.System;
    }

    private CallDirection DirectionOf(CallLeg origin, string? dialedNumber)
    {
        switch (origin.StasisDirection)
        {
            case "inbound":
                return CallDirection.Inbound;
            case "outbound":
                return CallDirection.Outbound;
            case "internal":
                return CallDirection.Internal;
        }

        var fromAgent = rules.IsInternalNumber(origin.CallerNumber)
            || rules.AgentExtensions.Contains(ChannelNames.Resource(origin.Endpoint) ?? "");
        if (!fromAgent)
        {
            return CallDirection.Inbound;
        }

        return rules.IsInternalNumber(dialedNumber) ? CallDirection.Internal : CallDirection.Outbound;
    }

    /// <summary>Records what any event says about a channel of this call; returns its leg, or null when the channel belongs to another call.</summary>
    private static CallLeg? Observe(Call call, AriChannel? channel, DateTimeOffset at, EventDetails? details)
    {
        if (channel is null || channel.Id.Length == 0)
        {
            return null;
        }

        details?.Add("channel", channel.Name);
        details?.Add("state", channel.State);

        // Transfers and Dial name channels of other calls too; those are not this call's legs.
        if (channel.LinkedIdOrChannelVar is { } linkedId && linkedId != call.CallKey)
        {
            return null;
        }

        var leg = call.Legs.FirstOrDefault(l => l.ChannelId == channel.Id);
        if (leg is null)
        {
            leg = new CallLeg
            {
                Id = Guid.CreateVersion7(),
                CallId = call.Id,
                ChannelId = Truncate(channel.Id, 128),
                CreatedAt = channel.CreationTime ?? at,
            };
            call.Legs.Add(leg);
        }
        else if (channel.CreationTime is { } created && created < leg.CreatedAt)
        {
            leg.CreatedAt = created;
        }

        if (channel.Name.Length > 0)
        {
            leg.ChannelName = Truncate(channel.Name, 256);
            leg.Endpoint = Truncate(ChannelNames.Endpoint(channel.Name), 256);
        }

        // The caller id a channel was created with is who called; keep the first one seen.
        leg.CallerNumber ??= NullIfEmpty(Truncate(channel.Caller.Number, 64));
        leg.CallerName ??= NullIfEmpty(Truncate(channel.Caller.Name, 256));
        if (leg.DialedExtension is null && channel.Dialplan.Extension is { Length: > 0 } exten && exten != "s")
        {
            leg.DialedExtension = Truncate(exten, 64);
            leg.Context = Truncate(channel.Dialplan.Context, 128);
        }

        if (channel.State.Length > 0 && (leg.StateAt is null || at >= leg.StateAt))
        {
            leg.State = Truncate(channel.State, 32);
            leg.StateAt = at;
        }

        if (channel.State == UpState)
        {
            leg.AnsweredAt = Earliest(leg.AnsweredAt, at);
        }

        if (leg.LastEventAt is null || at > leg.LastEventAt)
        {
            leg.LastEventAt = at;
        }

        return leg;
    }

    private static AriChannel? ChannelOf(AriEvent ariEvent) => ariEvent switch
    {
        ChannelCreated e => e.Channel,
        ChannelStateChange e => e.Channel,
        ChannelDialplan e => e.Channel,
        ChannelConnectedLine e => e.Channel,
        StasisEnd e => e.Channel,
        _ => null,
    };

    private static void StartHold(CallLeg leg, DateTimeOffset at)
    {
        if (leg.HoldStartedAt is null && leg.EndedAt is null)
        {
            leg.HoldStartedAt = at;
            leg.HoldCount++;
        }
    }

    private static void CloseHold(CallLeg leg, DateTimeOffset at)
    {
        if (leg.HoldStartedAt is { } start)
        {
            if (at > start)
            {
                leg.HoldSeconds += (at - start).TotalSeconds;
            }

            leg.HoldStartedAt = null;
        }
    }

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } value && value <= candidate ? value : candidate;

    private static double Seconds(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, Math.Round((to - from).TotalSeconds, 3));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
    internal static string? Truncate(string? value, int maxLength) =>
        value is null || value.Length <= maxLength ? value : value[..maxLength];

    /// <summary>Builds the small JSON object stored per timeline event.</summary>
    private sealed class EventDetails
    {
        private readonly List<KeyValuePair<string, object>> _values = [];

        public void Add(string name, object? value)
        {
            if (value is null || (value is string text && text.Length == 0))
            {
                return;
            }

            _values.RemoveAll(pair => pair.Key == name);
            _values.Add(new(name, value));
        }

        public string ToJson()
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var (name, value) in _values)
                {
                    switch (value)
                    {
                        case int number:
                            writer.WriteNumber(name, number);
                            break;
                        case bool flag:
                            writer.WriteBoolean(name, flag);
                            break;
                        default:
                            writer.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                    }
                }

                writer.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }
}
