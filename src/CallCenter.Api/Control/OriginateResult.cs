namespace CallCenter.Api.Control;

/// <summary>A click-to-call that Asterisk accepted: the agent's phone is ringing on <see cref="ChannelId"/>.</summary>
public sealed record OriginateResult(string ChannelId, string FromExtension, string To);
