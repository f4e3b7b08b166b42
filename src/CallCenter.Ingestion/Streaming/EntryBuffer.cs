using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CallCenter.Ingestion.Streaming;

/// <summary>
/// The bounded in-memory queue between the ARI socket and Redis. Adding never waits: when Redis is
/// down long enough to fill it, new entries are refused (and counted by the caller) rather than
/// stalling the ARI socket until Asterisk drops the connection.
/// </summary>
public sealed class EntryBuffer(IOptions<IngestionOptions> options)
{
    private readonly Channel<BufferedWrite> _channel = Channel.CreateBounded<BufferedWrite>(
        new BoundedChannelOptions(options.Value.BufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });

    public int Count => _channel.Reader.Count;

    public int Capacity { get; } = options.Value.BufferCapacity;

    public bool TryAdd(BufferedWrite write) => _channel.Writer.TryWrite(write);

    public ChannelReader<BufferedWrite> Reader => _channel.Reader;

    /// <summary>No more entries will come (shutdown); the writer drains what is left.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
