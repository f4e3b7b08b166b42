using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphQL;

namespace CallCenter.Api.Transport.WebSockets;

/// <summary>Encodes graphql-transport-ws messages (<c>{"id":…,"type":…,"payload":…}</c>) as the UTF-8 bytes sent on the socket.</summary>
internal sealed class GraphQLWsMessages(IGraphQLTextSerializer serializer)
{
    public static byte[] Message(string type, string? id, ReadOnlySpan<byte> payload)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + payload.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            if (!payload.IsEmpty)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payload, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary><c>{"id":…,"type":"next","payload":</c> — what <see cref="Message"/> writes before the payload.</summary>
    public static byte[] NextHead(string id)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", GraphQLWsMessageTypes.Next);
            writer.WritePropertyName("payload");
            writer.Flush();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public byte[] Next(string id, ExecutionResult result) => Message(GraphQLWsMessageTypes.Next, id, Serialize(result));

    /// <summary>An <c>error</c> message: its payload is the result's errors alone.</summary>
    public byte[] Error(string id, ExecutionResult result)
    {
        using var document = JsonDocument.Parse(Serialize(result));
        var errors = document.RootElement.TryGetProperty("errors", out var element) ? Encoding.UTF8.GetBytes(element.GetRawText()) : "[]"u8.ToArray();
        return Message(GraphQLWsMessageTypes.Error, id, errors);
    }

    public byte[] Error(string id, ExecutionError error)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(error);
        return Error(id, result);
    }

    private byte[] Serialize(ExecutionResult result) => Encoding.UTF8.GetBytes(serializer.Serialize(result));
}
