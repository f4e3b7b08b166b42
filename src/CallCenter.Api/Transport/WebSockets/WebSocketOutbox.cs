using System.Buffers;
using System.Net.WebSockets;
using CallCenter.Api.Telemetry;

namespace CallCenter.Api.Transport.WebSockets;

/// <summary>
/// The send side of one socket: every outgoing frame goes through one queue drained by one writer at a time, so messages
/// of a subscription keep their order and sends never overlap. The writer runs on the thread that queued into an idle
/// queue: a fan-out of one result to 1,000 sockets then costs 1,000 synchronous pipe writes instead of 1,000 thread-pool
/// work items (a send that has to wait continues asynchronously, so a slow client never holds up the others).
/// </summary>
internal sealed class WebSocketOutbox(WebSocket socket, string connectionId, int maxQueuedMessages, ILogger logger, CancellationToken connectionClosing)
{
    /// <summary>How long a client may take to answer our close frame before the socket is aborted.</summary>
    public static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(3);

    private readonly Lock _sendGate = new();
    private readonly Queue<OutgoingFrame> _outbox = new();
    private readonly TaskCompletionSource _sendingStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _writerActive;
    private bool _outboxCompleted;
    private bool _writerStopped;
    private int _closing;

    /// <summary>True once a close frame was queued: nothing more is sent and incoming messages are ignored.</summary>
    public bool IsClosing => Volatile.Read(ref _closing) != 0;

    /// <summary>Completes when the writer has stopped for good (see <see cref="Complete"/>).</summary>
    public Task Stopped => _sendingStopped.Task;

    public void Enqueue(byte[] message) => Enqueue(OutgoingFrame.Text(message));

    public void Enqueue(OutgoingFrame frame)
    {
        if (Volatile.Read(ref _closing) != 0)
        {
            return;
        }

        int overflow = 0;
        bool startWriter = false;
        lock (_sendGate)
        {
            if (_outboxCompleted || _writerStopped)
            {
                return;
            }

            if (_outbox.Count >= maxQueuedMessages)
            {
                overflow = _outbox.Count + 1;
            }
            else
            {
                _outbox.Enqueue(frame);
                startWriter = !_writerActive;
                _writerActive = true;
            }
        }

        if (overflow > 0)
        {
            Log.SocketBackpressure(logger, connectionId, overflow);
            Close(1013, "Client is not reading fast enough");
            return;
        }

        if (startWriter)
        {
            _ = WriteLoopAsync();
        }
    }

    /// <summary>Lets the writer send what is queued, then stop (the socket is done).</summary>
    public void Complete()
    {
        lock (_sendGate)
        {
            _outboxCompleted = true;
            if (_writerActive)
            {
                return;
            }
        }

        _sendingStopped.TrySetResult();
    }

    /// <summary>Queues the close frame (once); the read loop ends when the client answers it.</summary>
    public void Close(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        Log.SocketClosed(logger, connectionId, code, reason);
        bool startWriter;
        lock (_sendGate)
        {
            if (_outboxCompleted || _writerStopped)
            {
                return;
            }

            _outbox.Enqueue(OutgoingFrame.Close(code, reason));
            startWriter = !_writerActive;
            _writerActive = true;
        }

        if (startWriter)
        {
            _ = WriteLoopAsync();
        }
    }

    /// <summary>Sends queued frames until the queue is empty (then the next enqueue starts a writer again).</summary>
    private async Task WriteLoopAsync()
    {
        while (true)
        {
            OutgoingFrame frame;
            bool ended;
            lock (_sendGate)
            {
                if (_outbox.TryDequeue(out frame))
                {
                    ended = false;
                }
                else
                {
                    _writerActive = false;
                    if (!_outboxCompleted)
                    {
                        return;
                    }

                    ended = true;
                }
            }

            if (ended)
            {
                _sendingStopped.TrySetResult();
                return;
            }

            try
            {
                if (frame.IsClose)
                {
                    if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync((WebSocketCloseStatus)frame.CloseCode, frame.CloseReason, CancellationToken.None);
                    }

                    ScheduleAbortIfClientIgnoresClose();
                    StopWriter();
                    return;
                }

                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await SendAsync(frame);
                }
            }
            catch (Exception exception)
            {
                // Whatever broke the send, the connection must not wait for a writer that is gone.
                Log.SocketAborted(logger, connectionId, exception);
                StopWriter();
                return;
            }
        }
    }

    private ValueTask SendAsync(OutgoingFrame frame)
    {
        if (frame.Payload is null)
        {
            return socket.SendAsync(frame.Head.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, connectionClosing);
        }

        return SendSplicedAsync(frame);
    }

    private async ValueTask SendSplicedAsync(OutgoingFrame frame)
    {
        // One frame on the wire: the pieces are joined in a pooled buffer (the socket copies it into its own send buffer).
        var length = frame.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            frame.CopyTo(buffer);
            await socket.SendAsync(buffer.AsMemory(0, length), WebSocketMessageType.Text, endOfMessage: true, connectionClosing);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>No more frames will be sent (close sent or socket failed): drop what is queued and refuse the rest.</summary>
    private void StopWriter()
    {
        lock (_sendGate)
        {
            _writerStopped = true;
            _writerActive = false;
            _outbox.Clear();
        }

        _sendingStopped.TrySetResult();
    }

    private void ScheduleAbortIfClientIgnoresClose()
    {
        _ = Task.Delay(CloseHandshakeTimeout).ContinueWith(
            _ =>
            {
                if (socket.State == WebSocketState.CloseSent)
                {
                    socket.Abort();
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
