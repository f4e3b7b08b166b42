namespace CallCenter.Ari.Rest;

/// <summary>
/// POST /channels. Give either <see cref="Extension"/>/<see cref="Context"/>/<see cref="Priority"/> (or <see cref="Label"/>)
/// to send the answered channel into the dialplan, or <see cref="App"/>/<see cref="AppArgs"/> to hand it to a Stasis app.
/// </summary>
public sealed record AriOriginateRequest(string Endpoint)
{
    public string? Extension { get; init; }
    public string? Context { get; init; }
    public long? Priority { get; init; }
    public string? Label { get; init; }
    public string? App { get; init; }
    public string? AppArgs { get; init; }
    /// <summary>e.g. "\"Support\" &lt;100&gt;".</summary>
    public string? CallerId { get; init; }
    /// <summary>How long to ring the endpoint; null leaves ARI's default (30 s).</summary>
    public TimeSpan? Timeout { get; init; }
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
    /// <summary>Our own id for the new channel, so events can be correlated before the response arrives.</summary>
    public string? ChannelId { get; init; }
    public string? OtherChannelId { get; init; }
    /// <summary>The channel that caused this originate (sets linkedid/callerid relations).</summary>
    public string? Originator { get; init; }
    public string? Formats { get; init; }
}
