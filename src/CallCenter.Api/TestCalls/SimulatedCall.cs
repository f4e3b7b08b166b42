namespace CallCenter.Api.TestCalls;

/// <summary>A test call the PBX accepted: it is ringing on <see cref="To"/> from <see cref="From"/>.</summary>
public sealed record SimulatedCall(string ChannelId, string From, string To);
