using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace CallCenter.Api.Transport.WebSockets;

/// <summary>
/// The graphql-transport-ws protocol (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md): reads each
/// client message and hands it to the connection's authentication or operations; a message that breaks the protocol
/// closes the connection with the protocol's close code.
/// </summary>
internal sealed class GraphQLWsProtocol(
    WebSocketOutbox outbox, GraphQLWsAuthentication authentication, GraphQLWsOperations operations, IGraphQLTextSerializer serializer)
{
    public async Task HandleMessageAsync(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            outbox.Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: not JSON");
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var typeElement)
                || typeElement.ValueKind != JsonValueKind.String)
            {
                outbox.Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: missing type");
                return;
            }

            var payload = root.TryGetProperty("payload", out var payloadElement) ? payloadElement : default;
            switch (typeElement.GetString())
            {
                case GraphQLWsMessageTypes.ConnectionInit:
                    await authentication.InitializeAsync(payload);
                    break;
                case GraphQLWsMessageTypes.Ping:
                    outbox.Enqueue(GraphQLWsMessages.Message(GraphQLWsMessageTypes.Pong, null, default));
                    break;
                case GraphQLWsMessageTypes.Pong:
                    break;
                case GraphQLWsMessageTypes.Subscribe:
                    OnSubscribe(root, payload);
                    break;
                case GraphQLWsMessageTypes.Complete:
                    if (!TryGetId(root, out var completedId))
                    {
                        outbox.Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: complete needs an id");
                        return;
                    }

                    operations.Stop(completedId);
                    break;
                default:
                    outbox.Close(GraphQLWsCloseCodes.BadRequest, $"Invalid message received: unexpected type '{typeElement.GetString()}'");
                    break;
            }
        }
    }

    private void OnSubscribe(JsonElement root, JsonElement payload)
    {
        if (!TryGetId(root, out var id)
            || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("query", out var query)
            || query.ValueKind != JsonValueKind.String)
        {
            outbox.Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: subscribe needs an id and a payload with a query");
            return;
        }

        if (!authentication.Acknowledged)
        {
            outbox.Close(GraphQLWsCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = serializer.Deserialize<GraphQLRequest>(payload.GetRawText());
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            outbox.Close(GraphQLWsCloseCodes.BadRequest, "Invalid message received: malformed subscribe payload");
            return;
        }

        if (!operations.TryStart(id, request, authentication.User))
        {
            outbox.Close(GraphQLWsCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
        }
    }

    private static bool TryGetId(JsonElement root, out string id)
    {
        if (root.TryGetProperty("id", out var element) && element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } value)
        {
            id = value;
            return true;
        }

        id = string.Empty;
        return false;
    }
}
