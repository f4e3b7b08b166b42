using CallCenter.Ari;
using CallCenter.Ari.Rest;
using CallCenter.Ingestion.Telemetry;
using Microsoft.Extensions.Options;

namespace CallCenter.Ingestion.Bridging;

/// <summary>
/// Keeps answered calls under ARI control. The two parties of an answered Dial() enter the application one after
/// the other with the same pair key; the first gets a new mixing bridge, the second joins it. When one party
/// leaves, the other is hung up and the bridge destroyed, as Dial() would have done; a phone's transfer swaps a
/// channel to the destination in place of the transferer, and the call goes on with it. If bridging fails, both
/// parties go back to the dialplan, which bridges them itself: a call is never left half-connected.
/// Work is done one item at a time, in event order.
/// </summary>
public sealed partial class AnsweredCallBridger(
    CallBridgeQueue queue,
    AriClient ari,
    IngestionMetrics metrics,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<AnsweredCallBridger> logger) : BackgroundService
{
    private readonly Dictionary<string, PendingPair> _pending = new(StringComparer.Ordinal);
    // Channel id → when it was swapped out. Most are matched by their ChannelLeftBridge at once; the rest (swaps in
    // bridges that are not ours) are forgotten after SwapMemory.
    private readonly Dictionary<string, DateTimeOffset> _swappedOut = new(StringComparer.Ordinal);
    private static readonly TimeSpan SwapMemory = TimeSpan.FromMinutes(1);
    private CancellationToken _stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(work, stoppingToken);
                }
                catch (Exception ex) when (ex is AriException or HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    LogWorkFailed(logger, ex, work.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Task HandleAsync(BridgeWork work, CancellationToken cancellationToken) => work switch
    {
        JoinAnsweredCall join => JoinAsync(join, cancellationToken),
        BridgePartyLeft left => PartyLeftAsync(left, cancellationToken),
        BridgePartySwapped swapped => RememberSwap(swapped.ReplacedChannelId),
        PairingExpired expired => ExpireAsync(expired.PairKey, cancellationToken),
        ResynchroniseBridges => ResynchroniseAsync(cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task JoinAsync(JoinAnsweredCall join, CancellationToken cancellationToken)
    {
        if (_pending.Remove(join.PairKey, out var pair))
        {
            if (pair.Abandoned)
            {
                LogPartnerGone(logger, join.ChannelId, join.PairKey);
                metrics.AnsweredBridge("abandoned");
                await HangupQuietlyAsync(join.ChannelId, cancellationToken);
                return;
            }

            if (pair.FellBack)
            {
                await FallBackToDialplanAsync(pair.BridgeId, [join.ChannelId], cancellationToken);
                return;
            }

            try
            {
                await ari.Bridges.AddChannelAsync(pair.BridgeId, join.ChannelId, cancellationToken: cancellationToken);
                metrics.AnsweredBridge("bridged");
                LogBridged(logger, pair.BridgeId, pair.FirstChannelId, join.ChannelId);
            }
            catch (AriNotFoundException)
            {
                // The bridge went with the first party (it hung up meanwhile): this call is over.
                metrics.AnsweredBridge("abandoned");
                await HangupQuietlyAsync(join.ChannelId, cancellationToken);
            }
            catch (AriException ex)
            {
                LogBridgeFailed(logger, ex, join.PairKey);
                await FallBackToDialplanAsync(pair.BridgeId, [pair.FirstChannelId, join.ChannelId], cancellationToken);
            }

            return;
        }

        var bridgeId = AnsweredCallArgs.BridgeIdPrefix + Guid.NewGuid().ToString("N");
        try
        {
            await ari.Bridges.CreateAsync("mixing", bridgeId, join.PairKey, cancellationToken);
            await ari.Bridges.AddChannelAsync(bridgeId, join.ChannelId, cancellationToken: cancellationToken);
        }
        catch (AriException ex)
        {
            LogBridgeFailed(logger, ex, join.PairKey);
            await FallBackToDialplanAsync(bridgeId, [join.ChannelId], cancellationToken);
            _pending[join.PairKey] = new PendingPair(bridgeId, join.ChannelId) { FellBack = true };
            _ = ExpireLaterAsync(join.PairKey);
            return;
        }

        _pending[join.PairKey] = new PendingPair(bridgeId, join.ChannelId);
        _ = ExpireLaterAsync(join.PairKey);
    }

    private async Task PartyLeftAsync(BridgePartyLeft left, CancellationToken cancellationToken)
    {
        if (_pending.Values.FirstOrDefault(p => p.BridgeId == left.BridgeId) is { } waiting)
        {
            // The first party hung up while its partner was on the way: that one is hung up when it arrives.
            waiting.Abandoned = true;
            await DestroyQuietlyAsync(left.BridgeId, cancellationToken);
            return;
        }

        if (_swappedOut.Remove(left.ChannelId))
        {
            // A transfer put another channel in its place (StasisStart with replace_channel came first): the call goes on.
            return;
        }

        if (left.RemainingChannelIds.Count == 1)
        {
            // The other party's call is over, as Dial() would end it.
            await HangupQuietlyAsync(left.RemainingChannelIds[0], cancellationToken);
        }

        if (left.RemainingChannelIds.Count <= 1)
        {
            await DestroyQuietlyAsync(left.BridgeId, cancellationToken);
        }
    }

    private Task RememberSwap(string channelId)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _swappedOut.Where(s => now - s.Value > SwapMemory).Select(s => s.Key).ToList())
        {
            _swappedOut.Remove(stale);
        }

        _swappedOut[channelId] = now;
        return Task.CompletedTask;
    }

    private async Task ExpireAsync(string pairKey, CancellationToken cancellationToken)
    {
        if (!_pending.Remove(pairKey, out var pair) || pair.Abandoned || pair.FellBack)
        {
            return;
        }

        // The answering party never came (it hung up between answer and Stasis): end the lone caller's call.
        LogPartnerNeverCame(logger, pair.FirstChannelId, pairKey);
        metrics.AnsweredBridge("abandoned");
        await HangupQuietlyAsync(pair.FirstChannelId, cancellationToken);
        await DestroyQuietlyAsync(pair.BridgeId, cancellationToken);
    }

    /// <summary>
    /// While the socket was down a party may have hung up: a bridge of ours with one channel left is a finished call,
    /// unless it is young enough to be a first party still waiting for its partner (the bridge's name is the pair key),
    /// which is then waited for again, as by the instance that created it.
    /// </summary>
    private async Task ResynchroniseAsync(CancellationToken cancellationToken)
    {
        var waiting = _pending.Values.Select(p => p.BridgeId).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        foreach (var bridge in await ari.Bridges.ListAsync(cancellationToken))
        {
            if (!AnsweredCallArgs.IsOurBridge(bridge.Id) || bridge.Channels.Count >= 2 || waiting.Contains(bridge.Id))
            {
                continue;
            }

            if (bridge.Channels.Count == 1 && bridge.Name.Length > 0 && bridge.CreationTime is { } created
                && now - created < options.Value.BridgePairingTimeout && !_pending.ContainsKey(bridge.Name))
            {
                _pending[bridge.Name] = new PendingPair(bridge.Id, bridge.Channels[0]);
                _ = ExpireLaterAsync(bridge.Name);
                continue;
            }

            LogLoneBridge(logger, bridge.Id, bridge.Channels.Count);
            foreach (var channel in bridge.Channels)
            {
                await HangupQuietlyAsync(channel, cancellationToken);
            }

            await DestroyQuietlyAsync(bridge.Id, cancellationToken);
        }
    }

    private async Task FallBackToDialplanAsync(string bridgeId, IReadOnlyList<string> channelIds, CancellationToken cancellationToken)
    {
        metrics.AnsweredBridge("fallback");
        foreach (var channel in channelIds)
        {
            try
            {
                // Next priority in [callcenter-answered]: the caller bridges to the answering channel itself.
                await ari.Channels.ContinueInDialplanAsync(channel, cancellationToken: cancellationToken).ExceptWhenGoneAsync();
            }
            catch (AriException ex)
            {
                LogFallbackFailed(logger, ex, channel);
            }
        }

        await DestroyQuietlyAsync(bridgeId, cancellationToken);
    }

    private async Task ExpireLaterAsync(string pairKey)
    {
        try
        {
            await Task.Delay(options.Value.BridgePairingTimeout, time, _stopping);
            queue.Enqueue(new PairingExpired(pairKey));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HangupQuietlyAsync(string channelId, CancellationToken cancellationToken)
    {
        try
        {
            await ari.Channels.HangupAsync(channelId, AriHangupReason.Normal, cancellationToken).ExceptWhenGoneAsync();
        }
        catch (AriException ex)
        {
            LogHangupFailed(logger, ex, channelId);
        }
    }

    private async Task DestroyQuietlyAsync(string bridgeId, CancellationToken cancellationToken)
    {
        try
        {
            await ari.Bridges.DestroyAsync(bridgeId, cancellationToken).ExceptWhenGoneAsync();
        }
        catch (AriException ex)
        {
            LogDestroyFailed(logger, ex, bridgeId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answered call bridged in {BridgeId}: {FirstChannelId} and {SecondChannelId}")]
    private static partial void LogBridged(ILogger logger, string bridgeId, string firstChannelId, string secondChannelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Channel {ChannelId} answered, but its partner ({PairKey}) had already hung up: hanging it up")]
    private static partial void LogPartnerGone(ILogger logger, string channelId, string pairKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The partner of channel {ChannelId} ({PairKey}) never entered the application: hanging it up")]
    private static partial void LogPartnerNeverCame(ILogger logger, string channelId, string pairKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not bridge the answered call {PairKey}; the dialplan bridges it instead (no call control for it)")]
    private static partial void LogBridgeFailed(ILogger logger, Exception exception, string pairKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not hand channel {ChannelId} back to the dialplan after a failed bridge; it may need hanging up")]
    private static partial void LogFallbackFailed(ILogger logger, Exception exception, string channelId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bridge {BridgeId} lost a party while events were not received ({Channels} channel(s) left): ending the call")]
    private static partial void LogLoneBridge(ILogger logger, string bridgeId, int channels);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hang up channel {ChannelId}")]
    private static partial void LogHangupFailed(ILogger logger, Exception exception, string channelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not destroy bridge {BridgeId}")]
    private static partial void LogDestroyFailed(ILogger logger, Exception exception, string bridgeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bridge work {Work} failed; it is not retried")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, string work);
}
