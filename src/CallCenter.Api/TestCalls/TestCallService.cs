using System.Security.Claims;
using CallCenter.Api.Control;
using CallCenter.Api.Security;
using CallCenter.Ari.Rest;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.TestCalls;

/// <summary>
/// The supervisors' test call: a call from a number the supervisor types rings on the main line through the real PBX,
/// so the whole chain (dialplan, ARI, ingestion, worker, API, console) shows it. Off unless enabled (Development).
/// </summary>
public sealed partial class TestCallService(
    InboundCallOriginator originator,
    IOptions<TestCallOptions> options,
    IHostEnvironment environment,
    ILogger<TestCallService> logger)
{
    public const string DisabledCode = "TEST_CALLS_DISABLED";

    public bool Enabled => options.Value.Enabled ?? environment.IsDevelopment();

    public async Task<SimulatedCall> SimulateIncomingCallAsync(ClaimsPrincipal user, string from, string? to, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            throw new CallControlError(DisabledCode, "Test calls are turned off on this server (TestCalls:Enabled).");
        }

        var caller = from.Trim();
        if (!IsOutsideNumber(caller))
        {
            // Up to five digits would be taken for an agent's extension, and the call for an internal one.
            throw new CallControlError(CallControlError.BadInput, "The caller number must be an outside number: 6 to 20 digits, optionally with a leading +.");
        }

        var dialed = string.IsNullOrWhiteSpace(to) ? options.Value.MainLine : to.Trim();
        if (!IsDialable(dialed))
        {
            throw new CallControlError(CallControlError.BadInput, "The number to ring must contain digits only (optionally a leading +), at most 20.");
        }

        var channelId = $"cc-testcall-{Guid.NewGuid():N}";
        try
        {
            await originator.OriginateAsync(caller, dialed, channelId, cancellationToken);
        }
        catch (AriException exception)
        {
            LogRejected(logger, caller, dialed, (int)exception.StatusCode, exception);
            throw new CallControlError(CallControlError.Rejected, $"The PBX rejected the test call: {exception.Message}");
        }
        catch (HttpRequestException)
        {
            throw new CallControlError(CallControlError.AriUnavailable, "The PBX could not be reached; try again.");
        }

        LogPlaced(logger, caller, dialed, channelId, user.FindFirst(CallCenterClaims.Subject)?.Value);
        return new SimulatedCall(channelId, caller, dialed);
    }

    /// <summary>Digits with an optional leading +, between <paramref name="minDigits"/> and 20 digits.</summary>
    public static bool IsDialable(string number, int minDigits = 1)
    {
        var digits = number.StartsWith('+') ? number[1..] : number;
        return digits.Length >= minDigits && digits.Length <= 20 && digits.All(char.IsAsciiDigit);
    }

    private static bool IsOutsideNumber(string number) => IsDialable(number, minDigits: 6);

    [LoggerMessage(Level = LogLevel.Information, Message = "Test call from {From} to {To} placed on channel {ChannelId} by {User}")]
    private static partial void LogPlaced(ILogger logger, string from, string to, string channelId, string? user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Test call from {From} to {To} failed: ARI answered {StatusCode}")]
    private static partial void LogRejected(ILogger logger, string from, string to, int statusCode, Exception exception);
}
