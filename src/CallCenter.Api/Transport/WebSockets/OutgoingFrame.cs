namespace CallCenter.Api.Transport.WebSockets;

/// <summary>One item of a connection's send queue: a text message, or the close frame that ends sending.</summary>
internal readonly record struct OutgoingFrame(byte[]? Message, int CloseCode, string? CloseReason)
{
    public static OutgoingFrame Text(byte[] message) => new(message, 0, null);

    public static OutgoingFrame Close(int code, string reason) => new(null, code, reason);

    public bool IsClose => Message is null;
}
