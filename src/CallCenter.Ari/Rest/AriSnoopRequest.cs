namespace CallCenter.Ari.Rest;

/// <summary>POST /channels/{id}/snoop: a new channel in <see cref="App"/> that hears and/or speaks into the target.</summary>
public sealed record AriSnoopRequest(string App)
{
    public AriSnoopDirection Spy { get; init; } = AriSnoopDirection.Both;
    public AriSnoopDirection Whisper { get; init; } = AriSnoopDirection.None;
    public string? AppArgs { get; init; }
    public string? SnoopId { get; init; }
}
