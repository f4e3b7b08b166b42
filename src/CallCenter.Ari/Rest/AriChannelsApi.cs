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

    /// <summary>A channel or dialplan variable's value on the channel ("" when unset).</summary>
    public async Task<string> GetVariableAsync(string channelId, string variable, CancellationToken cancellationToken = default) =>
        (await _http.GetAsync("channels/{channelId}/variable", Channel(channelId, "/variable").Add("variable", variable),
            AriJsonContext.Default.AriVariable, cancellationToken)).Value;

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

    /// <summary>Leaves the Stasis app and continues in the dialplan; omitted parts keep the channel's current location.</summary>
    public Task ContinueInDialplanAsync(
        string channelId, string? context = null, string? extension = null, long? priority = null, string? label = null, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/continue",
            Channel(channelId, "/continue").Add("context", context).Add("extension", extension).Add("priority", priority).Add("label", label),
            cancellationToken);

    public Task HoldAsync(string channelId, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/hold", Channel(channelId, "/hold"), cancellationToken);

    public Task UnholdAsync(string channelId, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Delete, "channels/{channelId}/hold", Channel(channelId, "/hold"), cancellationToken);

    public Task MuteAsync(string channelId, AriMediaDirection direction = AriMediaDirection.Both, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/mute", Channel(channelId, "/mute").Add("direction", direction.ToQueryValue()), cancellationToken);

    public Task UnmuteAsync(string channelId, AriMediaDirection direction = AriMediaDirection.Both, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Delete, "channels/{channelId}/mute", Channel(channelId, "/mute").Add("direction", direction.ToQueryValue()), cancellationToken);

    public Task SetVariableAsync(string channelId, string variable, string? value, CancellationToken cancellationToken = default) =>
        _http.SendAsync(HttpMethod.Post, "channels/{channelId}/variable",
            Channel(channelId, "/variable").Add("variable", variable).Add("value", value), cancellationToken);

    private static AriQuery Channel(string channelId, string suffix = "") =>
        AriQuery.For($"channels/{AriQuery.Segment(channelId)}{suffix}");
}
