using System.Globalization;
using System.Security.Claims;
using CallCenter.Api.Calls;
using CallCenter.Api.Security;
using CallCenter.Api.Telemetry;
using CallCenter.Ari;
using CallCenter.Ari.Rest;
using CallCenter.Contracts;
using CallCenter.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Control;

/// <summary>
/// Call control through ARI REST. Agents control their own calls, supervisors any call. A call that has already
/// ended, or whose channel Asterisk no longer has, is a <see cref="CallControlError.CallGone"/> error.
/// </summary>
public sealed class CallControlService(
    AriClient ari,
    IDbContextFactory<CallCenterDbContext> dbFactory,
    CallLogReader reader,
    IOptions<CallControlOptions> options,
    TimeProvider time,
    ILogger<CallControlService> logger)
{
    public Task<Call> HangupAsync(ClaimsPrincipal user, Guid callId, CancellationToken cancellationToken) =>
        ControlAsync(user, callId, "hangup", async (legs, call) =>
        {
            // Hanging up every live leg ends the call even when a transfer left several channels.
            foreach (var leg in legs)
            {
                await ari.Channels.HangupAsync(leg.ChannelId, AriHangupReason.Normal, cancellationToken).ExceptWhenGoneAsync();
            }
        }, cancellationToken);

    public Task<Call> HoldAsync(ClaimsPrincipal user, Guid callId, MediaTarget target, bool hold, CancellationToken cancellationToken) =>
        ControlAsync(user, callId, hold ? "hold" : "unhold", async (legs, call) =>
        {
            var channel = PickLeg(legs, call, target).ChannelId;
            await (hold ? ari.Channels.HoldAsync(channel, cancellationToken) : ari.Channels.UnholdAsync(channel, cancellationToken));
            await ari.Channels.SetVariableAsync(channel, CallCenterChannelVariables.Hold, hold ? "1" : "0", cancellationToken).ExceptWhenGoneAsync();
        }, cancellationToken);

    public Task<Call> MuteAsync(
        ClaimsPrincipal user, Guid callId, MediaTarget target, AriMediaDirection direction, bool mute, CancellationToken cancellationToken) =>
        ControlAsync(user, callId, mute ? "mute" : "unmute", async (legs, call) =>
        {
            var channel = PickLeg(legs, call, target).ChannelId;
            await (mute
                ? ari.Channels.MuteAsync(channel, direction, cancellationToken)
                : ari.Channels.UnmuteAsync(channel, direction, cancellationToken));
        }, cancellationToken);

    public Task<Call> TransferAsync(ClaimsPrincipal user, Guid callId, string destination, CancellationToken cancellationToken)
    {
        var target = destination.Trim();
        if (target.Length == 0 || target.Length > 32 || !target.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#'))
        {
            throw new CallControlError(CallControlError.BadInput, "The transfer destination must be an extension or a phone number.");
        }

        return ControlAsync(user, callId, "transfer", async (legs, call) =>
        {
            var customer = PickLeg(legs, call, MediaTarget.Customer);
            // Leaving the agent's bridge ends the agent's leg (the ingestion service hangs it up, as Dial() would). The
            // transfer context marks the channel (CALLCENTER_TRANSFER), so the record counts only a transfer that happened.
            await ari.Channels.ContinueInDialplanAsync(customer.ChannelId, options.Value.TransferContext, target, 1, cancellationToken: cancellationToken);
        }, cancellationToken);
    }

    public async Task<OriginateResult> OriginateAsync(ClaimsPrincipal user, string? fromExtension, string to, CancellationToken cancellationToken)
    {
        var number = to.Trim();
        if (number.Length == 0 || number.Length > 32 || !number.All(c => char.IsAsciiDigit(c) || c == '+'))
        {
            throw new CallControlError(CallControlError.BadInput, "The number to call must contain digits only (optionally a leading +).");
        }

        var extension = await ResolveOriginExtensionAsync(user, fromExtension, cancellationToken);
        var settings = options.Value;
        var channelId = $"cc-originate-{Guid.NewGuid():N}";
        try
        {
            var channel = await ari.Channels.OriginateAsync(
                new AriOriginateRequest(string.Format(CultureInfo.InvariantCulture, settings.AgentEndpointFormat, extension))
                {
                    Extension = number,
                    Context = settings.OriginateContext,
                    Priority = 1,
                    CallerId = extension,
                    Timeout = settings.OriginateRingTimeout,
                    ChannelId = channelId,
                },
                cancellationToken);
            Log.CallControl(logger, "originate", Guid.Empty, user.FindFirst(CallCenterClaims.Subject)?.Value);
            return new OriginateResult(channel.Id, extension, number);
        }
        catch (AriException exception)
        {
            throw Translate(exception, "originate", Guid.Empty);
        }
        catch (HttpRequestException)
        {
            throw new CallControlError(CallControlError.AriUnavailable, "The PBX could not be reached; try again.");
        }
    }

    private async Task<string> ResolveOriginExtensionAsync(ClaimsPrincipal user, string? fromExtension, CancellationToken cancellationToken)
    {
        if (user.IsSupervisor() && !string.IsNullOrWhiteSpace(fromExtension))
        {
            return fromExtension.Trim();
        }

        if (user.GetAgentId() is not { } agentId)
        {
            throw new CallControlError(CallControlError.BadInput, "fromExtension is required for users that are not agents.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agentId, cancellationToken)
            ?? throw new CallControlError(CallControlError.Forbidden, "Your agent profile does not exist.");
        if (!string.IsNullOrWhiteSpace(fromExtension) && fromExtension.Trim() != agent.Extension)
        {
            throw new CallControlError(CallControlError.Forbidden, "Agents can only call from their own extension.");
        }

        return agent.Extension;
    }

    private async Task<Call> ControlAsync(
        ClaimsPrincipal user, Guid callId, string action, Func<IReadOnlyList<CallLeg>, Call, Task> control, CancellationToken cancellationToken)
    {
        var call = await reader.GetAsync(user, callId, cancellationToken)
            ?? throw new CallControlError(CallControlError.NotFound, $"Call {callId} does not exist or is not yours.");
        if (!CallLogReader.IsLive(call))
        {
            throw new CallControlError(CallControlError.CallGone, $"Call {callId} has already ended.");
        }

        var legs = (await reader.GetLegsAsync(callId, cancellationToken)).Where(l => l.EndedAt is null).ToList();
        if (legs.Count == 0)
        {
            throw new CallControlError(CallControlError.CallGone, $"Call {callId} has no live channel any more.");
        }

        Log.CallControl(logger, action, callId, user.FindFirst(CallCenterClaims.Subject)?.Value);
        try
        {
            if (await ApplicationEntryWait.RunAsync(() => control(legs, call), options.Value.EnterApplicationWait, time, cancellationToken) is > 0 and var refused)
            {
                Log.CallControlWaitedForApplication(logger, action, callId, refused);
            }
        }
        catch (AriException exception)
        {
            throw Translate(exception, action, callId);
        }
        catch (HttpRequestException)
        {
            throw new CallControlError(CallControlError.AriUnavailable, "The PBX could not be reached; try again.");
        }

        return call;
    }

    private CallControlError Translate(AriException exception, string action, Guid callId)
    {
        Log.CallControlFailed(logger, action, callId, (int)exception.StatusCode, exception);
        return exception switch
        {
            AriNotFoundException => new CallControlError(CallControlError.CallGone, $"The call is no longer on the PBX ({action} not possible)."),
            AriConflictException => new CallControlError(CallControlError.NotControllable, $"The PBX refused {action} in the call's current state: {exception.Message}"),
            _ => new CallControlError(CallControlError.Rejected, $"The PBX rejected {action}: {exception.Message}"),
        };
    }

    /// <summary>
    /// The agent's leg is the live channel on the agent's endpoint; the customer's is the other live channel that
    /// entered the application as the call's start (the caller of an inbound call; a test call's caller is the Local
    /// channel half in the dialplan, not the half that stands in for the phone), else the oldest other live channel
    /// (the trunk leg of an outbound call).
    /// </summary>
    private CallLeg PickLeg(IReadOnlyList<CallLeg> legs, Call call, MediaTarget target)
    {
        var agentEndpoint = call.AgentExtension is { } extension
            ? string.Format(CultureInfo.InvariantCulture, options.Value.AgentEndpointFormat, extension)
            : null;
        bool IsAgentLeg(CallLeg leg) => agentEndpoint is not null
            && (string.Equals(leg.Endpoint, agentEndpoint, StringComparison.OrdinalIgnoreCase)
                || leg.ChannelName.StartsWith(agentEndpoint + "-", StringComparison.OrdinalIgnoreCase));

        var ordered = legs.OrderBy(l => l.CreatedAt).ToList();
        var leg = target == MediaTarget.Agent
            ? ordered.FirstOrDefault(IsAgentLeg)
            : ordered.Where(l => !IsAgentLeg(l)).OrderBy(l => l.StasisDirection is null).FirstOrDefault();
        return leg ?? throw new CallControlError(CallControlError.NotControllable,
            target == MediaTarget.Agent ? "The call has no live agent channel." : "The call has no live customer channel.");
    }
}
