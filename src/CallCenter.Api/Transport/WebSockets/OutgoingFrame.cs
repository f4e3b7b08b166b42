namespace CallCenter.Api.Transport.WebSockets;

/// <summary>
/// One item of a connection's send queue: a text message, or the close frame that ends sending. A text message is
/// <see cref="Head"/> alone, or — for subscription results — a pre-framed head (<c>{"id":…,"type":"next","payload":</c>,
/// built once per operation), the result's JSON (serialized once for every subscriber) and the closing brace, so
/// fanning a result out allocates nothing per subscriber.
/// </summary>
internal readonly record struct OutgoingFrame(byte[]? Head, byte[]? Payload, int CloseCode, string? CloseReason)
{
    public static OutgoingFrame Text(byte[] message) => new(message, null, 0, null);

    public static OutgoingFrame Spliced(byte[] head, byte[] payload) => new(head, payload, 0, null);

    public static OutgoingFrame Close(int code, string reason) => new(null, null, code, reason);

    public bool IsClose => Head is null;

    public int Length => Head!.Length + (Payload is null ? 0 : Payload.Length + 1);

    public void CopyTo(Span<byte> destination)
    {
        Head.CopyTo(destination);
        if (Payload is not null)
        {
            Payload.CopyTo(destination[Head!.Length..]);
            destination[Head!.Length + Payload.Length] = (byte)'}';
        }
    }
}
