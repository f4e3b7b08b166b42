using CallCenter.Api.Options;
using CallCenter.Api.Security;
using CallCenter.Api.Telemetry;
using GraphQL;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Transport.WebSockets;

/// <summary>Accepts graphql-transport-ws upgrades and runs one <see cref="GraphQLWsConnection"/> per socket.</summary>
public sealed class GraphQLWebSocketHandler(
    GraphQLRequestExecutor executor,
    IGraphQLTextSerializer serializer,
    WebSocketAuthenticator authenticator,
    Transport.Subscriptions.SubscriptionMultiplexer subscriptions,
    IServiceScopeFactory scopeFactory,
    IOptions<GraphQLServerOptions> options,
    IHostApplicationLifetime lifetime,
    ApiTelemetry telemetry,
    ILogger<GraphQLWebSocketHandler> logger)
{
    public const string SubProtocol = "graphql-transport-ws";

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync($"WebSocket requests must use the {SubProtocol} subprotocol.", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol);
        var connectionId = context.TraceIdentifier;
        Log.SocketOpened(logger, connectionId, context.Connection.RemoteIpAddress?.ToString());
        telemetry.ActiveSockets.Add(1);
        try
        {
            var connection = new GraphQLWsConnection(
                socket, context, connectionId, executor, serializer, authenticator, subscriptions, scopeFactory, options.Value, telemetry, logger);
            await connection.RunAsync(lifetime.ApplicationStopping);
        }
        finally
        {
            telemetry.ActiveSockets.Add(-1);
        }
    }
}
