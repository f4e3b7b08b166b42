using CallCenter.Ari.Internal;
using CallCenter.Ari.Models;

namespace CallCenter.Ari.Rest;

public sealed class AriChannelsApi
{
    private readonly AriHttp _http;

    internal AriChannelsApi(AriHttp http) => _http = http;

    public async Task<IReadOnlyList<AriChannel>> ListAsync(CancellationToken cancellationToken = default) =>
        await _http.GetAsync("channels", AriQuery.For("channels"), AriJsonContext.Default.ListAriChannel, cancellationToken);

    public Task<AriChannel> GetAsync(string channelId, CancellationToken cancellationToken = default) =>
        _http.GetAsync("channels/{channelId}", Channel(channelId), AriJsonContext.Default.AriChannel, cancellationToken);

    public Task<AriChannel> OriginateAsync(AriOriginateRequest request, CancellationToken cancellationToken = default)
    {
        var query = AriQuery.For("channels")
            .Add("endpoint", request.Endpoint)
            .Add("extension", request.Extension)
            .Add("context", request.Context)
            .Add("priority", request.Priority)
            .Add("label", request.Label)
            .Add("app", request.App)
            .Add("appArgs", request.AppArgs)
            .Add("callerId", request.CallerId)
            .Add("timeout", request.Timeout.ToWholeSeconds())
            .Add("channelId", request.ChannelId)
            .Add("otherChannelId", request.OtherChannelId)
            .Add("originator", request.Originator)
            .Add("formats", request.Formats);
        var body = request.Variables is { Count: > 0 } variables
            ? AriHttp.Json(new AriVariablesBody { Variables = variables }, AriJsonContext.Default.AriVariablesBody)
            : null;
        return _http.SendAsync(HttpMethod.Post, "channels", query, AriJsonContext.Default.AriChannel, cancellationToken, body);
    }

    public Task HangupAsync(string channelId, AriHangupReason? reason = null, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Delete, "channels/{channelId}", Channel(channelId).Add("reason", reason?.ToQueryValue()), cancellationToken);

    public Task AnswerAsync(string channelId, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/answer", Channel(channelId, "/answer"), cancellationToken);

    /// <summary>Leaves the Stasis app and continues in the dialplan; omitted parts keep the channel's current location.</summary>
    public Task ContinueInDialplanAsync(
        string channelId, string? context = null, string? extension = null, long? priority = null, string? label = null, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/continue",
            Channel(channelId, "/continue").Add("context", context).Add("extension", extension).Add("priority", priority).Add("label", label),
            cancellationToken);

    /// <summary>Redirects the channel to another endpoint, e.g. "PJSIP/agent-102".</summary>
    public Task RedirectAsync(string channelId, string endpoint, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/redirect", Channel(channelId, "/redirect").Add("endpoint", endpoint), cancellationToken);

    public Task HoldAsync(string channelId, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/hold", Channel(channelId, "/hold"), cancellationToken);

    public Task UnholdAsync(string channelId, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Delete, "channels/{channelId}/hold", Channel(channelId, "/hold"), cancellationToken);

    public Task MuteAsync(string channelId, AriMediaDirection direction = AriMediaDirection.Both, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/mute", Channel(channelId, "/mute").Add("direction", direction.ToQueryValue()), cancellationToken);

    public Task UnmuteAsync(string channelId, AriMediaDirection direction = AriMediaDirection.Both, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Delete, "channels/{channelId}/mute", Channel(channelId, "/mute").Add("direction", direction.ToQueryValue()), cancellationToken);

    public Task RingAsync(string channelId, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/ring", Channel(channelId, "/ring"), cancellationToken);

    public Task RingStopAsync(string channelId, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Delete, "channels/{channelId}/ring", Channel(channelId, "/ring"), cancellationToken);

    /// <summary>Plays media such as "sound:hello-world" or "recording:name".</summary>
    public Task<AriPlayback> PlayAsync(
        string channelId, string mediaUri, string? playbackId = null, string? language = null, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/play",
            Channel(channelId, "/play").Add("media", mediaUri).Add("playbackId", playbackId).Add("lang", language),
            AriJsonContext.Default.AriPlayback, cancellationToken);

    public Task<AriChannel> SnoopAsync(string channelId, AriSnoopRequest request, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/snoop",
            Channel(channelId, "/snoop")
                .Add("spy", request.Spy.ToQueryValue())
                .Add("whisper", request.Whisper.ToQueryValue())
                .Add("app", request.App)
                .Add("appArgs", request.AppArgs)
                .Add("snoopId", request.SnoopId),
            AriJsonContext.Default.AriChannel, cancellationToken);

    public Task<AriLiveRecording> RecordAsync(string channelId, AriRecordRequest request, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/record", request.AppendTo(Channel(channelId, "/record")),
            AriJsonContext.Default.AriLiveRecording, cancellationToken);

    /// <summary>Reads a channel variable or dialplan function, e.g. "CHANNEL(linkedid)".</summary>
    public async Task<string> GetVariableAsync(string channelId, string variable, CancellationToken cancellationToken = default)
    {
        var result = await _http.GetAsync("channels/{channelId}/variable", Channel(channelId, "/variable").Add("variable", variable),
            AriJsonContext.Default.AriVariable, cancellationToken);
        return result.Value;
    }

    public Task SetVariableAsync(string channelId, string variable, string? value, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/variable",
            Channel(channelId, "/variable").Add("variable", variable).Add("value", value), cancellationToken);

    private static AriQuery Channel(string channelId, string suffix = "") =>
        AriQuery.For($"channels/{AriQuery.Segment(channelId)}{suffix}");
}
