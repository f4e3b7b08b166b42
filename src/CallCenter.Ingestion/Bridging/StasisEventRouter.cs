using CallCenter.Ari.Events;
using CallCenter.Ingestion.AriEvents;
using Microsoft.Extensions.Options;

namespace CallCenter.Ingestion.Bridging;

/// <summary>
/// Decides, per event and in event order, what the application does besides writing it to the stream:
/// hand a channel that entered Stasis back to the dialplan, or keep the two parties of an answered call in a bridge.
/// </summary>
public sealed class StasisEventRouter(StasisContinuationQueue continuations, CallBridgeQueue bridges, IOptions<IngestionOptions> options)
{
    private readonly bool _continue = options.Value.ContinueStasisChannels;
    private readonly bool _bridge = options.Value.BridgeAnsweredCalls;

    public void Route(AriEvent ariEvent)
    {
        switch (ariEvent)
        {
            case StasisStart { ReplaceChannel.Id.Length: > 0 } swap:
                // Swapped into a bridge of the application in place of another channel (a transfer): it stays there.
                if (_bridge)
                {
                    bridges.Enqueue(new BridgePartySwapped(swap.ReplaceChannel.Id));
                }

                break;

            case StasisStart start when start.Channel.Id.Length > 0:
                if (_bridge && AnsweredCallArgs.TryGetPairKey(start.Args, out var pairKey))
                {
                    bridges.Enqueue(new JoinAnsweredCall(start.Channel.Id, pairKey));
                }
                else if (_continue)
                {
                    continuations.Enqueue(start.Channel.Id);
                }

                break;

            case ChannelLeftBridge left when _bridge && AnsweredCallArgs.IsOurBridge(left.Bridge.Id):
                bridges.Enqueue(new BridgePartyLeft(left.Bridge.Id, left.Channel.Id, left.Bridge.Channels));
                break;
        }
    }

    /// <summary>After every (re)connect: bridges may have lost a party while events were not received.</summary>
    public void Connected()
    {
        if (_bridge)
        {
            bridges.Enqueue(new ResynchroniseBridges());
        }
    }
}
