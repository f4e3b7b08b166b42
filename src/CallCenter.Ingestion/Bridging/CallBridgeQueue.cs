using System.Threading.Channels;

namespace CallCenter.Ingestion.Bridging;

/// <summary>Work for the answered-call bridger, kept in event order.</summary>
public sealed class CallBridgeQueue
{
    // Unbounded is safe: a few items per answered call, drained by one reader.
    private readonly Channel<BridgeWork> _work = Channel.CreateUnbounded<BridgeWork>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(BridgeWork work) => _work.Writer.TryWrite(work);

    public ChannelReader<BridgeWork> Reader => _work.Reader;
}
