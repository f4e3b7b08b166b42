using System.Security.Claims;
using System.Text.Json;
using CallCenter.Api.Security;
using CallCenter.Api.Telemetry;

namespace CallCenter.Api.Transport.WebSockets;

/// <summary>
/// <c>connection_init</c>: authenticates the connection once (token in the payload or on the upgrade request),
/// acknowledges it, and closes it when the token expires.
/// </summary>
internal sealed class GraphQLWsAuthentication(
    WebSocketAuthenticator authenticator,
    HttpContext httpContext,
    string connectionId,
    WebSocketOutbox outbox,
    ILogger logger,
    CancellationToken connectionClosing) : IAsyncDisposable
{
    private bool _initReceived;
    private volatile bool _acknowledged;
    private Timer? _expiry;

    /// <summary>True once the client sent <c>connection_init</c> (accepted or not).</summary>
    public bool InitReceived => Volatile.Read(ref _initReceived);

    /// <summary>True once <c>connection_ack</c> was queued: operations may run.</summary>
    public bool Acknowledged => _acknowledged;

    public ClaimsPrincipal User { get; private set; } = new(new ClaimsIdentity());

    public async Task InitializeAsync(JsonElement payload)
    {
        if (_initReceived)
        {
            outbox.Close(GraphQLWsCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        Volatile.Write(ref _initReceived, true);
        if (payload.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            outbox.Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: connection_init payload must be an object");
            return;
        }

        var (user, failure) = await authenticator.AuthenticateAsync(payload, httpContext, connectionClosing);
        if (user is null)
        {
            Log.InitRejected(logger, connectionId, failure ?? "no credentials");
            outbox.Close(GraphQLWsCloseCodes.Forbidden, "Forbidden");
            return;
        }

        User = user;
        ScheduleExpiry(user);
        _acknowledged = true;
        outbox.Enqueue(GraphQLWsMessages.Message(GraphQLWsMessageTypes.ConnectionAck, null, default));
    }

    public async ValueTask DisposeAsync()
    {
        if (_expiry is not null)
        {
            await _expiry.DisposeAsync();
        }
    }

    /// <summary>A socket must not outlive its credentials: when the token expires the connection is closed (4403).</summary>
    private void ScheduleExpiry(ClaimsPrincipal user)
    {
        if (!long.TryParse(user.FindFirst("exp")?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var exp))
        {
            return;
        }

        var remaining = DateTimeOffset.FromUnixTimeSeconds(exp) - DateTimeOffset.UtcNow;
        if (remaining <= TimeSpan.Zero)
        {
            outbox.Close(GraphQLWsCloseCodes.Forbidden, "Token expired");
            return;
        }

        // Timer periods are limited to about 49 days; longer-lived tokens are simply not timed.
        if (remaining < TimeSpan.FromDays(40))
        {
            _expiry = new Timer(_ => outbox.Close(GraphQLWsCloseCodes.Forbidden, "Token expired"), null, remaining, Timeout.InfiniteTimeSpan);
        }
    }
}
