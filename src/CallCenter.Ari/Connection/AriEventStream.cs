using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using CallCenter.Ari.Events;
using CallCenter.Ari.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Ari.Connection;

/// <summary>
/// The ARI events WebSocket as one ordered stream that survives reconnects.
/// A single socket reader pushes items into a bounded buffer (it waits when the consumer is slow, so the
/// socket, not memory, absorbs bursts) and the consumer pulls them in exactly the order Asterisk sent them.
/// </summary>
public sealed class AriEventStream
{
    private const int ReceiveChunkBytes = 16 * 1024;
    private const int MalformedPrefixBytes = 1024;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

    private readonly AriOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private AriConnectionStatus _status = AriConnectionStatus.Initial;
    private int _readerActive;

    // Counts connects over the lifetime of this instance, so a re-started enumeration is also reported as a reconnect.
    private long _connectionSequence;

    public AriEventStream(IOptions<AriOptions> options, ILogger<AriEventStream> logger, TimeProvider timeProvider)
    {
        _options = options.Value;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    public AriConnectionStatus Status => Volatile.Read(ref _status);

    /// <summary>
    /// Connects (and reconnects forever) while the caller enumerates. Yields an <see cref="AriConnected"/> first on every
    /// connection, then that connection's events and malformed frames in arrival order. Only one enumeration at a time.
    /// Leaving the loop (break, exception, cancellation) closes the socket.
    /// </summary>
    public async IAsyncEnumerable<AriStreamItem> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _readerActive, 1) == 1)
        {
            throw new InvalidOperationException("The ARI event stream supports one reader at a time; ordering would be lost with more.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var buffer = Channel.CreateBounded<AriStreamItem>(new BoundedChannelOptions(Math.Max(1, _options.EventBufferCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
            // A waiting consumer is resumed on the socket reader's thread instead of queueing a thread-pool item per
            // event: one hop fewer per event. Order is unaffected (one writer, one reader).
            AllowSynchronousContinuations = true,
        });
        var pump = Task.Run(() => PumpAsync(buffer.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var item in buffer.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
            SetStatus(Status with { State = AriConnectionState.Disconnected, ConnectedSince = null });
            Volatile.Write(ref _readerActive, 0);
        }
    }

    /// <summary>Never throws: stops on cancellation, and completes the buffer with any unexpected error so the consumer sees it.</summary>
    private async Task PumpAsync(ChannelWriter<AriStreamItem> writer, CancellationToken stop)
    {
        var eventsUri = AriEventsUri.Build(_options);
        var loggedUrl = AriEventsUri.Redact(eventsUri);
        var sequence = _connectionSequence;
        var attempt = 0;
        Exception? lastError = null;
        try
        {
            while (true)
            {
                stop.ThrowIfCancellationRequested();
                SetStatus(new(attempt == 0 ? AriConnectionState.Connecting : AriConnectionState.Reconnecting, attempt, lastError, sequence, null));
                _logger.Connecting(loggedUrl, attempt + 1);

                ClientWebSocket socket;
                try
                {
                    socket = await ConnectAsync(eventsUri, stop);
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    attempt++;
                    lastError = ex;
                    var retryDelay = NextDelay(attempt);
                    SetStatus(new(AriConnectionState.Reconnecting, attempt, ex, sequence, null));
                    _logger.ConnectFailed(ex, loggedUrl, attempt, (long)retryDelay.TotalMilliseconds);
                    await Task.Delay(retryDelay, _timeProvider, stop);
                    continue;
                }

                using (socket)
                {
                    sequence = ++_connectionSequence;
                    attempt = 0;
                    var connectedAt = _timeProvider.GetUtcNow();
                    SetStatus(new(AriConnectionState.Connected, 0, lastError, sequence, connectedAt));
                    _logger.Connected(loggedUrl, sequence);
                    await writer.WriteAsync(new AriConnected(sequence, sequence > 1, connectedAt), stop);
                    lastError = await ReceiveUntilDroppedAsync(socket, writer, stop);
                }

                stop.ThrowIfCancellationRequested();
                attempt = 1;
                var delay = NextDelay(attempt);
                SetStatus(new(AriConnectionState.Reconnecting, attempt, lastError, sequence, null));
                _logger.ConnectionLost(lastError, sequence, lastError.Message, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, _timeProvider, stop);
            }
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            _logger.Stopped(sequence);
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
    }

    private async Task<ClientWebSocket> ConnectAsync(Uri eventsUri, CancellationToken stop)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
            if (!_options.UseApiKeyQueryForEvents)
            {
                socket.Options.SetRequestHeader("Authorization", AriBasicAuth.Create(_options.Username, _options.Password).ToString());
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(_options.ConnectTimeout);
            await socket.ConnectAsync(eventsUri, timeout.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads frames until the connection ends; returns why it ended. Throws only when stopping.</summary>
    private async Task<Exception> ReceiveUntilDroppedAsync(ClientWebSocket socket, ChannelWriter<AriStreamItem> writer, CancellationToken stop)
    {
        // On stop, start the close handshake and let the receive below see Asterisk's reply; abort only if it never comes.
        using var receiveAbort = new CancellationTokenSource();
        var closing = Task.CompletedTask;
        var onStop = stop.Register(() =>
        {
            closing = CloseOutputQuietlyAsync(socket);
            receiveAbort.CancelAfter(CloseHandshakeTimeout);
        });

        var frame = new ArrayBufferWriter<byte>(ReceiveChunkBytes);
        string? oversizedPrefix = null;
        long oversizedLength = 0;
        try
        {
            while (true)
            {
                ValueWebSocketReceiveResult result;
                try
                {
                    result = await socket.ReceiveAsync(frame.GetMemory(ReceiveChunkBytes), receiveAbort.Token);
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    return ex;
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (!stop.IsCancellationRequested)
                    {
                        await CloseOutputQuietlyAsync(socket);
                    }

                    stop.ThrowIfCancellationRequested();
                    return new WebSocketException(
                        WebSocketError.ConnectionClosedPrematurely,
                        $"Asterisk closed the events socket ({socket.CloseStatus} {socket.CloseStatusDescription}).");
                }

                frame.Advance(result.Count);
                if (oversizedPrefix is null && frame.WrittenCount > _options.MaxEventBytes)
                {
                    oversizedPrefix = Encoding.UTF8.GetString(frame.WrittenSpan[..MalformedPrefixBytes]);
                }

                if (oversizedPrefix is not null)
                {
                    // Keep counting but stop buffering an event we will not parse.
                    oversizedLength += frame.WrittenCount;
                    frame.ResetWrittenCount();
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                var item = oversizedPrefix is null
                    ? AriEventParser.Parse(frame.WrittenSpan)
                    : new AriMalformedFrame(oversizedPrefix, $"Frame of {oversizedLength} bytes exceeds the {_options.MaxEventBytes}-byte limit; dropped.");
                frame.ResetWrittenCount();
                oversizedPrefix = null;
                oversizedLength = 0;

                if (item is AriMalformedFrame malformed)
                {
                    _logger.MalformedFrame(malformed.RawText.Length, malformed.Error);
                }

                await writer.WriteAsync(item, stop);
            }
        }
        finally
        {
            await onStop.DisposeAsync();
            await closing;
        }
    }

    private static async Task CloseOutputQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client stopping", timeout.Token);
        }
        catch (Exception)
        {
            // The socket may already be closed or broken; the caller disposes it either way.
        }
    }

    private TimeSpan NextDelay(int attempt) =>
        AriReconnectBackoff.ComputeDelay(attempt, _options.ReconnectInitialDelay, _options.ReconnectMaxDelay, Random.Shared.NextDouble());

    private void SetStatus(AriConnectionStatus status) => Volatile.Write(ref _status, status);
}
