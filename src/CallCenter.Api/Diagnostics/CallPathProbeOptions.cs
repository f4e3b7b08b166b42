namespace CallCenter.Api.Diagnostics;

/// <summary>Where the synthetic test call goes; section "Diagnostics:Probe".</summary>
public sealed class CallPathProbeOptions
{
    /// <summary>The inbound context the trunk's calls enter (pjsip.conf: the trunk endpoint's context).</summary>
    public string Context { get; set; } = "from-external";

    /// <summary>
    /// The number dialled in it. The bundled dialplan's 2000 answers and echoes, so no agent's phone rings; on another
    /// PBX choose a number that passes Stasis() and rings nobody.
    /// </summary>
    public string Number { get; set; } = "2000";

    /// <summary>The caller's number the call shows.</summary>
    public string CallerNumber { get; set; } = "0000";

    /// <summary>
    /// Where the calling side of the Local channel waits once the route answers ([callcenter-probe] in asterisk/extensions.conf:
    /// silence until the probe hangs up). A PBX without it simply ends the call at the answer, a little early.
    /// </summary>
    public string CallerContext { get; set; } = "callcenter-probe";

    /// <summary>How long the probe waits for each hop.</summary>
    public TimeSpan HopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long finished probes can still be read (callPathProbe).</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromMinutes(30);

    internal IEnumerable<string> Problems()
    {
        if (!ProbeTarget.IsValidName(Context) || !ProbeTarget.IsValidName(CallerContext) || !ProbeTarget.IsValidName(Number))
        {
            yield return "Diagnostics:Probe:Context, CallerContext and Number must be dialplan names (letters, digits, - _ + . *).";
        }

        if (HopTimeout <= TimeSpan.Zero || KeepFor <= TimeSpan.Zero)
        {
            yield return "Diagnostics:Probe:HopTimeout and KeepFor must be positive.";
        }
    }
}
