using System.Threading.Channels;

namespace CallCenter.Ingestion.AriEvents;

/// <summary>Channels that entered Stasis and wait to be handed back to the dialplan.</summary>
public sealed class StasisContinuationQueue
{
    // Unbounded is safe: one short id per call setup, drained concurrently.
    private readonly Channel<string> _channelIds = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleWriter = true });

    public void Enqueue(string channelId) => _channelIds.Writer.TryWrite(channelId);

    public ChannelReader<string> Reader => _channelIds.Reader;
}
