namespace CallCenter.Ari.Rest;

/// <summary>Live recording of a channel or bridge; the file lands in Asterisk's recording spool as Name.Format.</summary>
public sealed record AriRecordRequest(string Name, string Format = "wav")
{
    public TimeSpan? MaxDuration { get; init; }
    public TimeSpan? MaxSilence { get; init; }
    public AriRecordingIfExists IfExists { get; init; } = AriRecordingIfExists.Fail;
    public bool Beep { get; init; }
    /// <summary>none, any, * or #.</summary>
    public string TerminateOn { get; init; } = "none";

    internal AriQuery AppendTo(AriQuery query) => query
        .Add("name", Name)
        .Add("format", Format)
        .Add("maxDurationSeconds", MaxDuration.ToWholeSeconds())
        .Add("maxSilenceSeconds", MaxSilence.ToWholeSeconds())
        .Add("ifExists", IfExists.ToQueryValue())
        .Add("beep", Beep)
        .Add("terminateOn", TerminateOn);
}
